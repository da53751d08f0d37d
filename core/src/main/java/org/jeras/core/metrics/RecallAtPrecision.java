package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;

/**
 * Keras's {@code RecallAtPrecision}: the best recall over the thresholds whose precision is at least {@code
 * precision}.
 */
public final class RecallAtPrecision extends ThresholdConstraintMetric {
  /**
   * Keras's {@code RecallAtPrecision(precision, num_thresholds, class_id, name, dtype)}.
   *
   * @param precision the target precision, in [0, 1]
   * @param numThresholds how many evenly spaced thresholds are evaluated
   * @param classId the class column scored, or null for all entries
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public RecallAtPrecision(double precision, int numThresholds, Integer classId, String name, DType dtype) {
    super("precision", precision, Rate.PRECISION, Rate.RECALL, numThresholds, classId, name, dtype);
  }

  /**
   * Keras's {@code RecallAtPrecision(precision)}: 200 thresholds over all entries.
   *
   * @param precision the target precision, in [0, 1]
   */
  public RecallAtPrecision(double precision) {
    this(precision, 200, null, "recall_at_precision", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code RecallAtPrecision.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static RecallAtPrecision fromConfig(Config config) {
    if (!config.isSet("precision")) {
      throw new ConfigException("Config key 'precision' is required");
    }
    return new RecallAtPrecision(config.getDouble("precision"), config.getInt("num_thresholds", 200), classIdOf(config),
        nameOf(config, "recall_at_precision"), dtypeOf(config));
  }
}
