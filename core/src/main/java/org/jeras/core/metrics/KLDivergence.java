package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code KLDivergence} metric: the running mean of the per-sample Kullback-Leibler divergence. */
public final class KLDivergence extends MeanMetricWrapper {
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code KLDivergence(...)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public KLDivergence(String name, DType dtype) {
    super(name, dtype);
    this.fn = new org.jeras.core.losses.KLDivergence();
  }

  /** Keras's {@code KLDivergence()}: every argument at its default. */
  public KLDivergence() {
    this("kl_divergence", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code KLDivergence.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static KLDivergence fromConfig(Config config) {
    return new KLDivergence(nameOf(config, "kl_divergence"), dtypeOf(config));
  }
}
