package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code SparseCategoricalCrossentropy}: integer class labels, {@code -log q[label]} with
 * q as in {@link CategoricalCrossentropy}. With {@code ignore_class}, entries of that label get a
 * zero loss and a Keras mask, so the default reduction averages over the other entries only.
 */
public final class SparseCategoricalCrossentropy extends Loss {
  private final boolean fromLogits;
  private final Integer ignoreClass;
  private final int axis;

  /**
   * Keras's {@code SparseCategoricalCrossentropy(from_logits, ignore_class, axis)}.
   *
   * @param fromLogits whether predictions are logits rather than probabilities
   * @param ignoreClass a class index whose targets add no loss, or null
   * @param axis the class axis
   */
  public SparseCategoricalCrossentropy(boolean fromLogits, Integer ignoreClass, int axis) {
    super("sparse_categorical_crossentropy");
    this.fromLogits = fromLogits;
    this.ignoreClass = ignoreClass;
    this.axis = axis;
  }

  /** Keras's {@code SparseCategoricalCrossentropy()}: every argument at its default. */
  public SparseCategoricalCrossentropy() {
    this(false, null, -1);
  }

  /** {@return whether predictions are logits rather than probabilities} */
  public boolean fromLogits() {
    return fromLogits;
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    int rank = yPred.rank();
    int ax = axis < 0 ? axis + rank : axis;
    INDArray labels = yTrue.value();
    if (labels.rank() == rank && labels.size(ax) == 1) {
      labels = labels.reshape(dropAxis(labels.shape(), ax));
    }
    INDArray valid = null;
    if (ignoreClass != null) {
      valid = labels.neq((double) ignoreClass).castTo(yPred.value().dataType());
      labels = labels.mul(valid);
      // Keras zeroes ignored rows of y_pred; on the probability path 0/0 would poison the
      // backward pass of the masked entries, so those rows get ones (their loss is zeroed anyway).
      Tensor keep = Tensor.of(valid.reshape(keptAxis(yPred.value().shape(), ax)));
      yPred = MathOps.where(keep, yPred, MathOps.fullLike(yPred, fromLogits ? 0.0 : 1.0));
    }
    INDArray oneHot = LossOps.oneHot(labels, yPred.value().shape(), ax, yPred.value().dataType());
    Tensor logProb = CategoricalCrossentropy.logProbabilities(yPred, fromLogits, ax);
    Tensor result = MathOps.neg(ReduceOps.sum(MathOps.mul(Tensor.of(oneHot), logProb), false, ax));
    if (valid == null) {
      return result;
    }
    Tensor validMask = Tensor.of(valid);
    return MathOps.where(validMask, result, MathOps.fullLike(result, 0.0)).withMask(validMask);
  }

  private static long[] dropAxis(long[] shape, int axis) {
    long[] out = new long[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  private static long[] keptAxis(long[] shape, int axis) {
    long[] out = shape.clone();
    out[axis] = 1;
    return out;
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits).put("ignore_class", ignoreClass).put("axis", axis);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code SparseCategoricalCrossentropy.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static SparseCategoricalCrossentropy fromConfig(Config config) {
    return new SparseCategoricalCrossentropy(config.getBoolean("from_logits", false),
        config.getIntOrNull("ignore_class"), config.getInt("axis", -1)).withBaseConfig(config);
  }
}
