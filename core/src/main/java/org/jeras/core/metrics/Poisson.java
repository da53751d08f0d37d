package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code Poisson} metric: the running mean of the per-sample Poisson loss,
 * {@code mean(p - t * log(p + eps))} over the last axis.
 */
public final class Poisson extends MeanMetricWrapper {
  private static final org.jeras.core.losses.Poisson FN = new org.jeras.core.losses.Poisson();

  /**
   * Keras's {@code Poisson(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public Poisson(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code Poisson()}: every argument at its default. */
  public Poisson() {
    this("poisson", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return FN.call(yTrue, yPred);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code Poisson.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static Poisson fromConfig(Config config) {
    return new Poisson(nameOf(config, "poisson"), dtypeOf(config));
  }
}
