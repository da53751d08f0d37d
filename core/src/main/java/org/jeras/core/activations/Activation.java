package org.jeras.core.activations;

import org.jeras.core.tensor.Tensor;

/**
 * A differentiable element-wise (or last-axis) function used as a layer activation. Built-ins
 * serialize as their Keras name ({@code "relu"}); registered custom functions as Keras's
 * {@code {"module": "builtins", "class_name": "function", ...}} dict.
 */
@FunctionalInterface
public interface Activation {
  /**
   * {@return the activation of {@code x}}
   *
   * @param x the input
   */
  Tensor apply(Tensor x);

  /**
   * {@link #apply} to a fresh array that nothing else holds (no other op's backward either): may
   * overwrite it, saving an allocation, as the built-in {@code relu} does (and {@code softmax}
   * outside a gradient tape).
   *
   * @param x the input, owned by the caller alone
   * @return the activation of {@code x}, possibly in {@code x}'s buffer
   */
  default Tensor applyInPlace(Tensor x) {
    return apply(x);
  }
}
