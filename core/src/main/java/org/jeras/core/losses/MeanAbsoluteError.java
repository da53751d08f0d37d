package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code MeanAbsoluteError}: {@code mean(abs(y_true - y_pred), axis=-1)}. */
public final class MeanAbsoluteError extends Loss {
  /** Keras's {@code MeanAbsoluteError()}: every argument at its default. */
  public MeanAbsoluteError() {
    super("mean_absolute_error");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    return ReduceOps.mean(MathOps.abs(MathOps.sub(yTrue, yPred)), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code MeanAbsoluteError.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static MeanAbsoluteError fromConfig(Config config) {
    return new MeanAbsoluteError().withBaseConfig(config);
  }
}
