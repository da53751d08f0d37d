package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;

/**
 * Keras's {@code SpecificityAtSensitivity}: the best specificity over the thresholds whose sensitivity (recall) is at
 * least {@code sensitivity}.
 */
public final class SpecificityAtSensitivity extends ThresholdConstraintMetric {
  /**
   * Keras's {@code SpecificityAtSensitivity(sensitivity, num_thresholds, class_id, name, dtype)}.
   *
   * @param sensitivity the target sensitivity, in [0, 1]
   * @param numThresholds how many evenly spaced thresholds are evaluated
   * @param classId the class column scored, or null for all entries
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public SpecificityAtSensitivity(double sensitivity, int numThresholds, Integer classId, String name, DType dtype) {
    super("sensitivity", sensitivity, Rate.RECALL, Rate.SPECIFICITY, numThresholds, classId, name, dtype);
  }

  /**
   * Keras's {@code SpecificityAtSensitivity(sensitivity)}: 200 thresholds over all entries.
   *
   * @param sensitivity the target sensitivity, in [0, 1]
   */
  public SpecificityAtSensitivity(double sensitivity) {
    this(sensitivity, 200, null, "specificity_at_sensitivity", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code SpecificityAtSensitivity.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static SpecificityAtSensitivity fromConfig(Config config) {
    if (!config.isSet("sensitivity")) {
      throw new ConfigException("Config key 'sensitivity' is required");
    }
    return new SpecificityAtSensitivity(config.getDouble("sensitivity"), config.getInt("num_thresholds", 200), classIdOf(config),
        nameOf(config, "specificity_at_sensitivity"), dtypeOf(config));
  }
}
