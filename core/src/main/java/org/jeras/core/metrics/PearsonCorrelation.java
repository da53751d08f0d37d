package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code PearsonCorrelation}: the running mean of the per-sample pearson correlation
 * coefficient of targets and predictions along {@code axis}.
 */
public final class PearsonCorrelation extends MeanMetricWrapper {
  private final int axis;

  /**
   * Keras's {@code PearsonCorrelation(name, dtype, axis)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   * @param axis the axis the correlation is computed along
   */
  public PearsonCorrelation(String name, DType dtype, int axis) {
    super(name, dtype);
    this.axis = axis;
  }

  /** Keras's {@code PearsonCorrelation()}: every argument at its default. */
  public PearsonCorrelation() {
    this("pearson_correlation", DType.FLOAT32, -1);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return CorrelationOps.pearson(yTrue, yPred, axis);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("axis", axis);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code PearsonCorrelation.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static PearsonCorrelation fromConfig(Config config) {
    return new PearsonCorrelation(nameOf(config, "pearson_correlation"), dtypeOf(config), config.getInt("axis", -1));
  }
}
