package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code Huber}: per element {@code 0.5 * e^2} where {@code |e| <= delta}, else
 * {@code delta * |e| - 0.5 * delta^2} (e = y_pred - y_true), averaged over the last axis.
 */
public final class Huber extends Loss {
  private final double delta;

  public Huber(double delta) {
    super("huber_loss");
    this.delta = delta;
  }

  public Huber() {
    this(1.0);
  }

  public double delta() {
    return delta;
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor error = MathOps.sub(yPred, yTrue);
    Tensor absError = MathOps.abs(error);
    Tensor quadratic = MathOps.mul(MathOps.square(error), 0.5);
    Tensor linear = MathOps.add(MathOps.mul(absError, delta), -0.5 * delta * delta);
    Tensor inside = Tensor.of(absError.value().lte(delta));
    return ReduceOps.mean(MathOps.where(inside, quadratic, linear), false, -1);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("delta", delta);
  }

  public static Huber fromConfig(Config config) {
    return new Huber(config.getDouble("delta", 1.0)).withBaseConfig(config);
  }
}
