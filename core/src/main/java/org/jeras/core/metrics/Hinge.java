package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code Hinge} metric: the running mean of the per-sample hinge loss. */
public final class Hinge extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code Hinge(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public Hinge(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.Hinge();
  }

  /** Keras's {@code Hinge()}: every argument at its default. */
  public Hinge() {
    this("hinge", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code Hinge.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static Hinge fromConfig(Config config) {
    return new Hinge(nameOf(config, "hinge"), dtypeOf(config));
  }
}
