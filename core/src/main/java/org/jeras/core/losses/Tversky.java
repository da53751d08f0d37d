package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code Tversky}: with {@code tp = sum(p t)}, {@code fp = sum((1 - t) p)} and
 * {@code fn = sum(t (1 - p))} over {@code axis}, the loss is
 * {@code 1 - tp / (tp + alpha fp + beta fn + eps)}; alpha = beta = 0.5 is the Dice loss.
 */
public final class Tversky extends Loss {
  private final double alpha;
  private final double beta;
  private final LossAxes axis;

  private Tversky(double alpha, double beta, LossAxes axis) {
    super("tversky");
    this.alpha = alpha;
    this.beta = beta;
    this.axis = axis;
  }

  /** Keras's {@code Tversky()}: alpha = beta = 0.5, sums over every axis. */
  public Tversky() {
    this(0.5, 0.5, LossAxes.ALL);
  }

  /**
   * Keras's {@code Tversky(alpha, beta, axis)}.
   *
   * @param alpha the weight of false positives
   * @param beta the weight of false negatives
   * @param axes the axes summed over (none: every axis)
   */
  public Tversky(double alpha, double beta, int... axes) {
    this(alpha, beta, axes.length == 0 ? LossAxes.ALL : LossAxes.of(axes));
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor tp = axis.sum(MathOps.mul(yPred, yTrue));
    Tensor fp = axis.sum(MathOps.mul(MathOps.rsub(1.0, yTrue), yPred));
    Tensor fn = axis.sum(MathOps.mul(yTrue, MathOps.rsub(1.0, yPred)));
    Tensor denominator = MathOps.add(MathOps.add(MathOps.add(tp, MathOps.mul(fp, alpha)), MathOps.mul(fn, beta)),
        LossOps.EPSILON);
    return MathOps.rsub(1.0, MathOps.div(tp, denominator));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("alpha", alpha).put("beta", beta).put("axis", axis.json());
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code Tversky.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static Tversky fromConfig(Config config) {
    return new Tversky(config.getDouble("alpha", 0.5), config.getDouble("beta", 0.5), LossAxes.fromConfig(config))
        .withBaseConfig(config);
  }
}
