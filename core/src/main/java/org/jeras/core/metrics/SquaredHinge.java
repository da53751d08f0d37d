package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code SquaredHinge} metric: the running mean of the per-sample squared hinge loss. */
public final class SquaredHinge extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code SquaredHinge(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public SquaredHinge(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.SquaredHinge();
  }

  /** Keras's {@code SquaredHinge()}: every argument at its default. */
  public SquaredHinge() {
    this("squared_hinge", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code SquaredHinge.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static SquaredHinge fromConfig(Config config) {
    return new SquaredHinge(nameOf(config, "squared_hinge"), dtypeOf(config));
  }
}
