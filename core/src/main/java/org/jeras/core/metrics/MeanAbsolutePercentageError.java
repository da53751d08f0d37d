package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code MeanAbsolutePercentageError} metric: the running mean of the per-sample mean absolute percentage
 * error.
 */
public final class MeanAbsolutePercentageError extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code MeanAbsolutePercentageError(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public MeanAbsolutePercentageError(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.MeanAbsolutePercentageError();
  }

  /** Keras's {@code MeanAbsolutePercentageError()}: every argument at its default. */
  public MeanAbsolutePercentageError() {
    this("mean_absolute_percentage_error", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code MeanAbsolutePercentageError.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static MeanAbsolutePercentageError fromConfig(Config config) {
    return new MeanAbsolutePercentageError(nameOf(config, "mean_absolute_percentage_error"), dtypeOf(config));
  }
}
