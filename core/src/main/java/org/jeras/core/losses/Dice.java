package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code Dice}: {@code 1 - 2 sum(t p) / (sum(t) + sum(p) + eps)}, the sums over
 * {@code axis} (every axis by default, giving one value for the batch).
 */
public final class Dice extends Loss {
  private final LossAxes axis;

  private Dice(LossAxes axis) {
    super("dice");
    this.axis = axis;
  }

  /** Keras's {@code Dice()}: sums over every axis. */
  public Dice() {
    this(LossAxes.ALL);
  }

  /**
   * Keras's {@code Dice(axis=(...))}: one loss per remaining index (e.g. per sample for axes 1..n).
   *
   * @param axes the axes summed over
   */
  public Dice(int... axes) {
    this(LossAxes.of(axes));
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor intersection = axis.sum(MathOps.mul(yTrue, yPred));
    Tensor denominator = MathOps.add(MathOps.add(axis.sum(yTrue), axis.sum(yPred)), LossOps.EPSILON);
    return MathOps.rsub(1.0, MathOps.div(MathOps.mul(intersection, 2.0), denominator));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("axis", axis.json());
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code Dice.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static Dice fromConfig(Config config) {
    return new Dice(LossAxes.fromConfig(config)).withBaseConfig(config);
  }
}
