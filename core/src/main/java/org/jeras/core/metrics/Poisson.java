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

  public Poisson(String name, DType dtype) {
    super(name, dtype);
  }

  public Poisson() {
    this("poisson", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return FN.call(yTrue, yPred);
  }

  public static Poisson fromConfig(Config config) {
    return new Poisson(nameOf(config, "poisson"), dtypeOf(config));
  }
}
