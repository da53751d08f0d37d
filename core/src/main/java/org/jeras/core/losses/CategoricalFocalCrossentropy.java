package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code CategoricalFocalCrossentropy}: with {@code q} the predictions (softmax of logits)
 * renormalized to sum 1 along {@code axis} and clipped to {@code [eps, 1 - eps]}, the loss is
 * {@code sum(alpha * (1 - q)^gamma * -t * log q, axis)}. Label smoothing mixes targets with the
 * uniform distribution first.
 */
public final class CategoricalFocalCrossentropy extends Loss {
  private final double alpha;
  private final double gamma;
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  /**
   * Keras's {@code CategoricalFocalCrossentropy}.
   *
   * @param alpha the weighting factor of the classes
   * @param gamma the focusing parameter
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing how far one-hot targets are smoothed towards uniform, in [0, 1]
   * @param axis the class axis
   */
  public CategoricalFocalCrossentropy(double alpha, double gamma, boolean fromLogits, double labelSmoothing, int axis) {
    super("categorical_focal_crossentropy");
    this.alpha = alpha;
    this.gamma = gamma;
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  /** Keras's {@code CategoricalFocalCrossentropy()}: every argument at its default. */
  public CategoricalFocalCrossentropy() {
    this(0.25, 2.0, false, 0.0, -1);
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor t = MathOps.cast(yTrue, yPred.dtype());
    if (labelSmoothing != 0) {
      long classes = yPred.value().size(axis < 0 ? axis + yPred.rank() : axis);
      t = MathOps.add(MathOps.mul(t, 1.0 - labelSmoothing), labelSmoothing / classes);
    }
    Tensor p = fromLogits ? NnOps.softmax(yPred, axis) : yPred;
    Tensor q = MathOps.div(p, ReduceOps.sum(p, true, axis));
    q = MathOps.clip(q, LossOps.EPSILON, 1.0 - LossOps.EPSILON);
    Tensor cce = MathOps.neg(MathOps.mul(t, MathOps.log(q)));
    Tensor weight = MathOps.mul(MathOps.pow(MathOps.rsub(1.0, q), gamma), alpha);
    return ReduceOps.sum(MathOps.mul(weight, cce), false, axis);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits).put("label_smoothing", labelSmoothing).put("axis", axis)
        .put("alpha", alpha).put("gamma", gamma);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code CategoricalFocalCrossentropy.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static CategoricalFocalCrossentropy fromConfig(Config config) {
    return new CategoricalFocalCrossentropy(config.getDouble("alpha", 0.25), config.getDouble("gamma", 2.0),
        config.getBoolean("from_logits", false), config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1))
        .withBaseConfig(config);
  }
}
