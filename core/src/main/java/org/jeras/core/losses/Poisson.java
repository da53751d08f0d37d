package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code Poisson}: {@code mean(y_pred - y_true * log(y_pred + eps), axis=-1)}. */
public final class Poisson extends Loss {
  /** Keras's {@code Poisson()}: every argument at its default. */
  public Poisson() {
    super("poisson");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor logPred = MathOps.log(MathOps.add(yPred, LossOps.EPSILON));
    return ReduceOps.mean(MathOps.sub(yPred, MathOps.mul(yTrue, logPred)), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code Poisson.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static Poisson fromConfig(Config config) {
    return new Poisson().withBaseConfig(config);
  }
}
