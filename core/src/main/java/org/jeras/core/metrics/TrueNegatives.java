package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code TrueNegatives}: the weighted count of true negatives per threshold. */
public final class TrueNegatives extends ConfusionCount {
  /**
   * Keras's {@code TrueNegatives(thresholds, name, dtype)}.
   *
   * @param thresholds null (0.5), a number or a JSON list of numbers in [0, 1]
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public TrueNegatives(JsonElement thresholds, String name, DType dtype) {
    super(Cell.TN, thresholds, name, dtype);
  }

  /** Keras's {@code TrueNegatives()}: threshold 0.5. */
  public TrueNegatives() {
    this(null, "true_negatives", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code TrueNegatives.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static TrueNegatives fromConfig(Config config) {
    return new TrueNegatives(config.getOrNull("thresholds"), nameOf(config, "true_negatives"), dtypeOf(config));
  }
}
