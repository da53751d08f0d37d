package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;

/**
 * Keras's {@code PrecisionAtRecall}: the best precision over the thresholds whose recall is at least {@code recall}.
 */
public final class PrecisionAtRecall extends ThresholdConstraintMetric {
  /**
   * Keras's {@code PrecisionAtRecall(recall, num_thresholds, class_id, name, dtype)}.
   *
   * @param recall the target recall, in [0, 1]
   * @param numThresholds how many evenly spaced thresholds are evaluated
   * @param classId the class column scored, or null for all entries
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public PrecisionAtRecall(double recall, int numThresholds, Integer classId, String name, DType dtype) {
    super("recall", recall, Rate.RECALL, Rate.PRECISION, numThresholds, classId, name, dtype);
  }

  /**
   * Keras's {@code PrecisionAtRecall(recall)}: 200 thresholds over all entries.
   *
   * @param recall the target recall, in [0, 1]
   */
  public PrecisionAtRecall(double recall) {
    this(recall, 200, null, "precision_at_recall", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code PrecisionAtRecall.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static PrecisionAtRecall fromConfig(Config config) {
    if (!config.isSet("recall")) {
      throw new ConfigException("Config key 'recall' is required");
    }
    return new PrecisionAtRecall(config.getDouble("recall"), config.getInt("num_thresholds", 200), classIdOf(config),
        nameOf(config, "precision_at_recall"), dtypeOf(config));
  }
}
