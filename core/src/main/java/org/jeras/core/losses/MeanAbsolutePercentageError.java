package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code MeanAbsolutePercentageError}: {@code 100 * mean(abs((t - p) / max(abs(t), eps)), axis=-1)}. */
public final class MeanAbsolutePercentageError extends Loss {
  /** Keras's {@code MeanAbsolutePercentageError()}: every argument at its default. */
  public MeanAbsolutePercentageError() {
    super("mean_absolute_percentage_error");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor absTrue = MathOps.abs(yTrue);
    Tensor denom = MathOps.maximum(absTrue, MathOps.fullLike(absTrue, LossOps.EPSILON));
    Tensor diff = MathOps.abs(MathOps.div(MathOps.sub(yTrue, yPred), denom));
    return MathOps.mul(ReduceOps.mean(diff, false, -1), 100.0);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code MeanAbsolutePercentageError.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static MeanAbsolutePercentageError fromConfig(Config config) {
    return new MeanAbsolutePercentageError().withBaseConfig(config);
  }
}
