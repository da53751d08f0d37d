package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code Hinge}: {@code mean(max(1 - y_true * y_pred, 0), axis=-1)}; labels that are all 0
 * or 1 are first mapped to -1 and 1.
 */
public final class Hinge extends Loss {
  /** Keras's {@code Hinge()}: every argument at its default. */
  public Hinge() {
    super("hinge");
  }

  /** Keras's {@code convert_binary_labels_to_hinge}: {@code 2t - 1} when every label is 0 or 1. */
  static Tensor signedLabels(Tensor yTrue) {
    INDArray t = yTrue.value();
    boolean binary = t.eq(0).castTo(t.dataType()).addi(t.eq(1).castTo(t.dataType())).minNumber().doubleValue() > 0;
    return binary ? MathOps.add(MathOps.mul(yTrue, 2.0), -1.0) : yTrue;
  }

  /** {@code max(1 - t * p, 0)} with hinge labels. */
  static Tensor margins(Tensor yTrue, Tensor yPred) {
    Tensor m = MathOps.rsub(1.0, MathOps.mul(signedLabels(yTrue), yPred));
    return MathOps.maximum(m, MathOps.fullLike(m, 0.0));
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    return ReduceOps.mean(margins(yTrue, yPred), false, -1);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code Hinge.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static Hinge fromConfig(Config config) {
    return new Hinge().withBaseConfig(config);
  }
}
