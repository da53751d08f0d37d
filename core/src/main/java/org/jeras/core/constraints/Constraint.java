package org.jeras.core.constraints;

import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.tensor.Tensor;

/**
 * A projection applied to a weight after each optimizer update (Keras's {@code Constraint}); it
 * takes and returns {@link Tensor}s, as regularizers and metrics do.
 */
public interface Constraint extends KerasObject {
  /**
   * {@return the projected weight value}
   *
   * @param w the weight value after an optimizer update
   */
  Tensor apply(Tensor w);

  @Override
  default String module() {
    return Registry.moduleOf(this, "keras.constraints");
  }
}
