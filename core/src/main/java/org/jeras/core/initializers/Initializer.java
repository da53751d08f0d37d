package org.jeras.core.initializers;

import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Produces initial values of a weight, as Keras's {@code keras.initializers.Initializer}. */
public interface Initializer extends KerasObject {
  /**
   * {@return a new array of {@code shape} and {@code dtype} filled by this initializer}
   *
   * @param shape the weight's shape
   * @param dtype the weight's dtype
   */
  INDArray generate(long[] shape, DType dtype);

  @Override
  default String module() {
    return Registry.moduleOf(this, "keras.initializers");
  }
}
