package org.jeras.core.activations;

import org.jeras.core.tensor.Tensor;

/**
 * A differentiable element-wise (or last-axis) function used as a layer activation. Built-ins
 * serialize as their Keras name ({@code "relu"}); registered custom functions as Keras's
 * {@code {"module": "builtins", "class_name": "function", ...}} dict.
 */
@FunctionalInterface
public interface Activation {
  Tensor apply(Tensor x);

  /**
   * {@link #apply} to a fresh array that only the caller holds, outside a gradient tape: may
   * overwrite it (built-ins like {@code relu} and {@code softmax} do, saving an allocation).
   */
  default Tensor applyInPlace(Tensor x) {
    return apply(x);
  }
}
