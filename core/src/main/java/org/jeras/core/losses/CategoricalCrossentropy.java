package org.jeras.core.losses;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code CategoricalCrossentropy}: {@code -sum(t * log q, axis)} where q is
 * {@code log_softmax(y_pred)} for logits, else {@code y_pred} renormalized to sum 1 and clipped to
 * {@code [eps, 1 - eps]}. Label smoothing mixes targets with the uniform distribution.
 */
public final class CategoricalCrossentropy extends Loss {
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  /**
   * Keras's {@code CategoricalCrossentropy(from_logits, label_smoothing, axis)}.
   *
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param labelSmoothing how far one-hot targets are smoothed towards uniform, in [0, 1]
   * @param axis the class axis
   */
  public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing, int axis) {
    super("categorical_crossentropy");
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
  }

  /** Keras's {@code CategoricalCrossentropy()}: every argument at its default. */
  public CategoricalCrossentropy() {
    this(false, 0.0, -1);
  }

  /** {@return whether predictions are logits rather than probabilities} */
  public boolean fromLogits() {
    return fromLogits;
  }

  /**
   * Log-probabilities along {@code axis}, as Keras's backend crossentropies compute them.
   *
   * @param yPred the predictions
   * @param fromLogits whether the predictions are logits
   * @param axis the axis
   * @return the result
   */
  public static Tensor logProbabilities(Tensor yPred, boolean fromLogits, int axis) {
    if (fromLogits) {
      return NnOps.logSoftmax(yPred, axis);
    }
    Tensor normalized = MathOps.div(yPred, ReduceOps.sum(yPred, true, axis));
    return MathOps.log(MathOps.clip(normalized, LossOps.EPSILON, 1.0 - LossOps.EPSILON));
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    if (!Arrays.equals(yTrue.value().shape(), yPred.value().shape())) {
      throw new IllegalArgumentException("CategoricalCrossentropy needs y_true and y_pred of the same shape, got "
          + yTrue.shape() + " and " + yPred.shape());
    }
    Tensor t = yTrue;
    if (labelSmoothing != 0) {
      long classes = yPred.shape().get(axis);
      t = MathOps.add(MathOps.mul(yTrue, 1.0 - labelSmoothing), labelSmoothing / classes);
    }
    if (!fromLogits && (axis == -1 || axis == yPred.rank() - 1) && yPred.dtype().isFloating()) {
      return LossOps.categoricalCrossentropy(MathOps.cast(t, yPred.dtype()), yPred);
    }
    return MathOps.neg(ReduceOps.sum(MathOps.mul(t, logProbabilities(yPred, fromLogits, axis)), false, axis));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits).put("label_smoothing", labelSmoothing).put("axis", axis);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code CategoricalCrossentropy.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static CategoricalCrossentropy fromConfig(Config config) {
    return new CategoricalCrossentropy(config.getBoolean("from_logits", false),
        config.getDouble("label_smoothing", 0.0), config.getInt("axis", -1)).withBaseConfig(config);
  }
}
