package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code FalseNegatives}: the weighted count of false negatives per threshold. */
public final class FalseNegatives extends ConfusionCount {
  /**
   * Keras's {@code FalseNegatives(thresholds, name, dtype)}.
   *
   * @param thresholds null (0.5), a number or a JSON list of numbers in [0, 1]
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public FalseNegatives(JsonElement thresholds, String name, DType dtype) {
    super(Cell.FN, thresholds, name, dtype);
  }

  /** Keras's {@code FalseNegatives()}: threshold 0.5. */
  public FalseNegatives() {
    this(null, "false_negatives", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code FalseNegatives.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static FalseNegatives fromConfig(Config config) {
    return new FalseNegatives(config.getOrNull("thresholds"), nameOf(config, "false_negatives"), dtypeOf(config));
  }
}
