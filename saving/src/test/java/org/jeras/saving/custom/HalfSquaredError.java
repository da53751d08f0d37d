package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.losses.Loss;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** An unregistered custom loss: {@code mean((y_true - y_pred)^2, axis=-1) / 2}. */
public final class HalfSquaredError extends Loss {
  public HalfSquaredError() {
    super("half_squared_error");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor d = MathOps.sub(yTrue, yPred);
    return MathOps.mul(ReduceOps.mean(MathOps.mul(d, d), false, -1), 0.5);
  }

  public static HalfSquaredError fromConfig(Config config) {
    return new HalfSquaredError().withBaseConfig(config);
  }
}
