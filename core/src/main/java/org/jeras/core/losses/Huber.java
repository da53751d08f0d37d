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

  /**
   * Keras's {@code Huber(delta)}.
   *
   * @param delta the error size where the loss turns from quadratic to linear
   */
  public Huber(double delta) {
    super("huber_loss");
    this.delta = delta;
  }

  /** Keras's {@code Huber()}: every argument at its default. */
  public Huber() {
    this(1.0);
  }

  /** {@return the error size where the loss turns from quadratic to linear} */
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

  /**
   * Rebuilds a loss from its config (Keras's {@code Huber.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static Huber fromConfig(Config config) {
    return new Huber(config.getDouble("delta", 1.0)).withBaseConfig(config);
  }
}
