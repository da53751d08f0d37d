package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code MeanSquaredLogarithmicError} metric: the running mean of the per-sample mean squared logarithmic
 * error.
 */
public final class MeanSquaredLogarithmicError extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code MeanSquaredLogarithmicError(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public MeanSquaredLogarithmicError(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.MeanSquaredLogarithmicError();
  }

  /** Keras's {@code MeanSquaredLogarithmicError()}: every argument at its default. */
  public MeanSquaredLogarithmicError() {
    this("mean_squared_logarithmic_error", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code MeanSquaredLogarithmicError.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static MeanSquaredLogarithmicError fromConfig(Config config) {
    return new MeanSquaredLogarithmicError(nameOf(config, "mean_squared_logarithmic_error"), dtypeOf(config));
  }
}
