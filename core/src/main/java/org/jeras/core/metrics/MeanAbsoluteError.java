package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code MeanAbsoluteError} metric: the running mean of the per-sample MAE loss. */
public final class MeanAbsoluteError extends MeanMetricWrapper {
  private static final org.jeras.core.losses.MeanAbsoluteError FN = new org.jeras.core.losses.MeanAbsoluteError();

  /**
   * Keras's {@code MeanAbsoluteError(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public MeanAbsoluteError(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code MeanAbsoluteError()}: every argument at its default. */
  public MeanAbsoluteError() {
    this("mean_absolute_error", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return FN.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code MeanAbsoluteError.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static MeanAbsoluteError fromConfig(Config config) {
    return new MeanAbsoluteError(nameOf(config, "mean_absolute_error"), dtypeOf(config));
  }
}
