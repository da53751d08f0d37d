package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code SquaredHinge}: {@code mean(square(max(1 - y_true * y_pred, 0)), axis=-1)}, hinge labels as {@link Hinge}. */
public final class SquaredHinge extends Loss {
  /** Keras's {@code SquaredHinge()}: every argument at its default. */
  public SquaredHinge() {
    super("squared_hinge");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    return ReduceOps.mean(MathOps.square(Hinge.margins(yTrue, yPred)), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code SquaredHinge.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static SquaredHinge fromConfig(Config config) {
    return new SquaredHinge().withBaseConfig(config);
  }
}
