package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code CategoricalHinge}: {@code max(max((1 - t) * p) - sum(t * p) + 1, 0)} over the last axis. */
public final class CategoricalHinge extends Loss {
  /** Keras's {@code CategoricalHinge()}: every argument at its default. */
  public CategoricalHinge() {
    super("categorical_hinge");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor pos = ReduceOps.sum(MathOps.mul(yTrue, yPred), false, -1);
    Tensor neg = ReduceOps.max(MathOps.mul(MathOps.rsub(1.0, yTrue), yPred), false, -1);
    Tensor m = MathOps.add(MathOps.sub(neg, pos), 1.0);
    return MathOps.maximum(m, MathOps.fullLike(m, 0.0));
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code CategoricalHinge.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static CategoricalHinge fromConfig(Config config) {
    return new CategoricalHinge().withBaseConfig(config);
  }
}
