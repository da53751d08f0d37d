package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;

/**
 * Keras's {@code SensitivityAtSpecificity}: the best sensitivity (recall) over the thresholds whose specificity is at
 * least {@code specificity}.
 */
public final class SensitivityAtSpecificity extends ThresholdConstraintMetric {
  /**
   * Keras's {@code SensitivityAtSpecificity(specificity, num_thresholds, class_id, name, dtype)}.
   *
   * @param specificity the target specificity, in [0, 1]
   * @param numThresholds how many evenly spaced thresholds are evaluated
   * @param classId the class column scored, or null for all entries
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public SensitivityAtSpecificity(double specificity, int numThresholds, Integer classId, String name, DType dtype) {
    super("specificity", specificity, Rate.SPECIFICITY, Rate.RECALL, numThresholds, classId, name, dtype);
  }

  /**
   * Keras's {@code SensitivityAtSpecificity(specificity)}: 200 thresholds over all entries.
   *
   * @param specificity the target specificity, in [0, 1]
   */
  public SensitivityAtSpecificity(double specificity) {
    this(specificity, 200, null, "sensitivity_at_specificity", DType.FLOAT32);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code SensitivityAtSpecificity.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static SensitivityAtSpecificity fromConfig(Config config) {
    if (!config.isSet("specificity")) {
      throw new ConfigException("Config key 'specificity' is required");
    }
    return new SensitivityAtSpecificity(config.getDouble("specificity"), config.getInt("num_thresholds", 200), classIdOf(config),
        nameOf(config, "sensitivity_at_specificity"), dtypeOf(config));
  }
}
