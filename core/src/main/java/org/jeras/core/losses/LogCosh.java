package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code LogCosh}: {@code mean(x + softplus(-2x) - log(2), axis=-1)} with x = y_pred - y_true. */
public final class LogCosh extends Loss {
  /** Keras's {@code LogCosh()}: every argument at its default. */
  public LogCosh() {
    super("log_cosh");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor x = MathOps.sub(yPred, yTrue);
    Tensor logCosh = MathOps.add(MathOps.add(x, LossOps.softplus(MathOps.mul(x, -2.0))), -Math.log(2.0));
    return ReduceOps.mean(logCosh, false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code LogCosh.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static LogCosh fromConfig(Config config) {
    return new LogCosh().withBaseConfig(config);
  }
}
