package org.jeras.core.constraints;

import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A projection applied to a weight after each optimizer update (Keras's {@code Constraint}). */
public interface Constraint extends KerasObject {
  /**
   * {@return the projected weight value}
   *
   * @param w the weight value after an optimizer update
   */
  INDArray apply(INDArray w);

  @Override
  default String module() {
    return Registry.moduleOf(this, "keras.constraints");
  }
}
