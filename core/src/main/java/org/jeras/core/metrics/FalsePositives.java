package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code FalsePositives}: the weighted count of false positives per threshold. */
public final class FalsePositives extends ConfusionCount {
  /**
   * Keras's {@code FalsePositives(thresholds, name, dtype)}.
   *
   * @param thresholds null (0.5), a number or a JSON list of numbers in [0, 1]
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public FalsePositives(JsonElement thresholds, String name, DType dtype) {
    super(Cell.FP, thresholds, name, dtype);
  }

  /** Keras's {@code FalsePositives()}: threshold 0.5. */
  public FalsePositives() {
    this(null, "false_positives", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code FalsePositives.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static FalsePositives fromConfig(Config config) {
    return new FalsePositives(config.getOrNull("thresholds"), nameOf(config, "false_positives"), dtypeOf(config));
  }
}
