package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code BinaryCrossentropy}: element-wise binary crossentropy averaged over {@code axis}.
 * Probabilities are clipped to {@code [eps, 1 - eps]}; logits use the stable
 * {@code (1 - t) * x + softplus(-x)}. Label smoothing moves targets towards 0.5.
 */
public final class BinaryCrossentropy extends Loss {
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  /**
   * Keras's {@code BinaryCrossentropy(from_logits, label_smoothing, axis)}.
   *
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing how far targets are pulled towards 0.5, in [0, 1]
   * @param axis the axis the mean runs over
   */
  public BinaryCrossentropy(boolean fromLogits, double labelSmoothing, int axis) {
    super("binary_crossentropy");
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  /** Keras's {@code BinaryCrossentropy()}: every argument at its default. */
  public BinaryCrossentropy() {
    this(false, 0.0, -1);
  }

  /** {@return whether predictions are logits rather than probabilities} */
  public boolean fromLogits() {
    return fromLogits;
  }

  /**
   * Keras's backend {@code binary_crossentropy(target, output, from_logits)}, element-wise ({@code keras.ops.binary_crossentropy}).
   *
   * @param target the targets
   * @param output the predictions
   * @param fromLogits whether the predictions are logits
   * @return the result
   */
  public static Tensor elementwise(Tensor target, Tensor output, boolean fromLogits) {
    if (fromLogits) {
      return MathOps.add(MathOps.mul(MathOps.rsub(1.0, target), output), LossOps.softplus(MathOps.neg(output)));
    }
    Tensor p = MathOps.clip(output, LossOps.EPSILON, 1.0 - LossOps.EPSILON);
    Tensor positive = MathOps.mul(target, MathOps.log(p));
    Tensor negative = MathOps.mul(MathOps.rsub(1.0, target), MathOps.log1p(MathOps.neg(p)));
    return MathOps.neg(MathOps.add(positive, negative));
  }

  /** {@code t * (1 - s) + 0.5 * s}: binary label smoothing. */
  static Tensor smooth(Tensor yTrue, double labelSmoothing) {
    return labelSmoothing == 0 ? yTrue : MathOps.add(MathOps.mul(yTrue, 1.0 - labelSmoothing), 0.5 * labelSmoothing);
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    return ReduceOps.mean(elementwise(smooth(yTrue, labelSmoothing), yPred, fromLogits), false, axis);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits).put("label_smoothing", labelSmoothing).put("axis", axis);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code BinaryCrossentropy.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static BinaryCrossentropy fromConfig(Config config) {
    return new BinaryCrossentropy(config.getBoolean("from_logits", false), config.getDouble("label_smoothing", 0.0),
        config.getInt("axis", -1)).withBaseConfig(config);
  }
}
