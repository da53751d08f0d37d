package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code MeanSquaredLogarithmicError}: {@code mean(square(log(max(p, eps) + 1) - log(max(t, eps) + 1)), -1)}. */
public final class MeanSquaredLogarithmicError extends Loss {
  /** Keras's {@code MeanSquaredLogarithmicError()}: every argument at its default. */
  public MeanSquaredLogarithmicError() {
    super("mean_squared_logarithmic_error");
  }

  private static Tensor logOnePlus(Tensor x) {
    return MathOps.log(MathOps.add(MathOps.maximum(x, MathOps.fullLike(x, LossOps.EPSILON)), 1.0));
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    return ReduceOps.mean(MathOps.square(MathOps.sub(logOnePlus(yPred), logOnePlus(yTrue))), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code MeanSquaredLogarithmicError.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static MeanSquaredLogarithmicError fromConfig(Config config) {
    return new MeanSquaredLogarithmicError().withBaseConfig(config);
  }
}
