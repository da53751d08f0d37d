package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code LogCoshError} metric: the running mean of the per-sample log-cosh error. */
public final class LogCoshError extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code LogCoshError(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public LogCoshError(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.LogCosh();
  }

  /** Keras's {@code LogCoshError()}: every argument at its default. */
  public LogCoshError() {
    this("logcosh", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code LogCoshError.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static LogCoshError fromConfig(Config config) {
    return new LogCoshError(nameOf(config, "logcosh"), dtypeOf(config));
  }
}
