package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code CategoricalHinge} metric: the running mean of the per-sample categorical hinge loss. */
public final class CategoricalHinge extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code CategoricalHinge(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public CategoricalHinge(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.CategoricalHinge();
  }

  /** Keras's {@code CategoricalHinge()}: every argument at its default. */
  public CategoricalHinge() {
    this("categorical_hinge", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code CategoricalHinge.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static CategoricalHinge fromConfig(Config config) {
    return new CategoricalHinge(nameOf(config, "categorical_hinge"), dtypeOf(config));
  }
}
