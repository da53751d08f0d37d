package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code TruePositives}: the weighted count of true positives per threshold. */
public final class TruePositives extends ConfusionCount {
  /**
   * Keras's {@code TruePositives(thresholds, name, dtype)}.
   *
   * @param thresholds null (0.5), a number or a JSON list of numbers in [0, 1]
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public TruePositives(JsonElement thresholds, String name, DType dtype) {
    super(Cell.TP, thresholds, name, dtype);
  }

  /** Keras's {@code TruePositives()}: threshold 0.5. */
  public TruePositives() {
    this(null, "true_positives", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code TruePositives.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static TruePositives fromConfig(Config config) {
    return new TruePositives(config.getOrNull("thresholds"), nameOf(config, "true_positives"), dtypeOf(config));
  }
}
