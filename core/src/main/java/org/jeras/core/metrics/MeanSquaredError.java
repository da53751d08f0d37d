package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code MeanSquaredError} metric: the running mean of the per-sample MSE loss. */
public final class MeanSquaredError extends MeanMetricWrapper {
  private static final org.jeras.core.losses.MeanSquaredError FN = new org.jeras.core.losses.MeanSquaredError();

  /**
   * Keras's {@code MeanSquaredError(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public MeanSquaredError(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code MeanSquaredError()}: every argument at its default. */
  public MeanSquaredError() {
    this("mean_squared_error", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return FN.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code MeanSquaredError.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static MeanSquaredError fromConfig(Config config) {
    return new MeanSquaredError(nameOf(config, "mean_squared_error"), dtypeOf(config));
  }
}
