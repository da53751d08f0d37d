package org.jeras.core.constraints;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Keras's {@code NonNeg}: {@code max(w, 0)}. */
public final class NonNeg implements Constraint {
  /**
   * Rebuilds a constraint from its config (Keras's {@code NonNeg.from_config}).
   *
   * @param c the constraint's config
   * @return the constraint
   */
  public static NonNeg fromConfig(Config c) {
    return new NonNeg();
  }

  @Override
  public Tensor apply(Tensor weight) {
    INDArray w = weight.value();
    return Tensor.of(Transforms.max(w, 0.0, true));
  }

  @Override
  public Config getConfig() {
    return Config.empty();
  }
}
