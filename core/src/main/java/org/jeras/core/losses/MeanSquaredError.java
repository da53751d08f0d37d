package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code MeanSquaredError}: {@code mean(square(y_true - y_pred), axis=-1)}. */
public final class MeanSquaredError extends Loss {
  /** Keras's {@code MeanSquaredError()}: every argument at its default. */
  public MeanSquaredError() {
    super("mean_squared_error");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    return ReduceOps.mean(MathOps.square(MathOps.sub(yTrue, yPred)), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code MeanSquaredError.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static MeanSquaredError fromConfig(Config config) {
    return new MeanSquaredError().withBaseConfig(config);
  }
}
