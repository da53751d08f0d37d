package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code KLDivergence}: {@code sum(t * log(t / p), axis=-1)} with t and p clipped to [eps, 1]. */
public final class KLDivergence extends Loss {
  /** Keras's {@code KLDivergence()}: every argument at its default. */
  public KLDivergence() {
    super("kl_divergence");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor t = MathOps.clip(yTrue, LossOps.EPSILON, 1.0);
    Tensor p = MathOps.clip(yPred, LossOps.EPSILON, 1.0);
    return ReduceOps.sum(MathOps.mul(t, MathOps.log(MathOps.div(t, p))), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code KLDivergence.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static KLDivergence fromConfig(Config config) {
    return new KLDivergence().withBaseConfig(config);
  }
}
