package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code BinaryFocalCrossentropy}: {@code (1 - p_t)^gamma * bce}, optionally weighted by
 * {@code alpha} for positives and {@code 1 - alpha} for negatives, averaged over {@code axis}.
 */
public final class BinaryFocalCrossentropy extends Loss {
  private final boolean applyClassBalancing;
  private final double alpha;
  private final double gamma;
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  /**
   * Keras's {@code BinaryFocalCrossentropy}.
   *
   * @param applyClassBalancing whether to weight the classes by {@code alpha}
   * @param alpha the weight of the positive class when balancing
   * @param gamma the focusing parameter
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing how far targets are pulled towards 0.5, in [0, 1]
   * @param axis the axis the mean runs over
   */
  public BinaryFocalCrossentropy(boolean applyClassBalancing, double alpha, double gamma, boolean fromLogits,
      double labelSmoothing, int axis) {
    super("binary_focal_crossentropy");
    this.applyClassBalancing = applyClassBalancing;
    this.alpha = alpha;
    this.gamma = gamma;
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  /** Keras's {@code BinaryFocalCrossentropy()}: every argument at its default. */
  public BinaryFocalCrossentropy() {
    this(false, 0.25, 2.0, false, 0.0, -1);
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor t = BinaryCrossentropy.smooth(yTrue, labelSmoothing);
    Tensor p = fromLogits ? NnOps.sigmoid(yPred) : yPred;
    Tensor bce = BinaryCrossentropy.elementwise(t, p, false);
    Tensor notT = MathOps.rsub(1.0, t);
    Tensor pT = MathOps.add(MathOps.mul(t, p), MathOps.mul(notT, MathOps.rsub(1.0, p)));
    Tensor focal = MathOps.mul(MathOps.pow(MathOps.rsub(1.0, pT), gamma), bce);
    if (applyClassBalancing) {
      Tensor weight = MathOps.add(MathOps.mul(t, alpha), MathOps.mul(notT, 1.0 - alpha));
      focal = MathOps.mul(weight, focal);
    }
    return ReduceOps.mean(focal, false, axis);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits).put("label_smoothing", labelSmoothing).put("axis", axis)
        .put("apply_class_balancing", applyClassBalancing).put("alpha", alpha).put("gamma", gamma);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code BinaryFocalCrossentropy.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static BinaryFocalCrossentropy fromConfig(Config config) {
    return new BinaryFocalCrossentropy(config.getBoolean("apply_class_balancing", false),
        config.getDouble("alpha", 0.25), config.getDouble("gamma", 2.0), config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1)).withBaseConfig(config);
  }
}
