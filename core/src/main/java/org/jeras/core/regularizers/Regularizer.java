package org.jeras.core.regularizers;

import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.tensor.Tensor;

/** A penalty on a weight or activation, added to the training loss (Keras's {@code Regularizer}). */
public interface Regularizer extends KerasObject {
  /**
   * {@return the scalar penalty for {@code x}; differentiable}
   *
   * @param x the weight
   */
  Tensor apply(Tensor x);

  @Override
  default String module() {
    return Registry.moduleOf(this, "keras.regularizers");
  }
}
