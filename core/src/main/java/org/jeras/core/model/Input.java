package org.jeras.core.model;

import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code keras.Input}: a symbolic tensor that starts a functional model. */
public final class Input {
  private Input() {}

  /**
   * A float32 input of the given per-sample shape (batch dim excluded).
   *
   * @param shape the per-sample shape
   * @return the symbolic input tensor
   */
  public static Tensor of(long... shape) {
    return of(Shape.of(shape), DType.FLOAT32, null);
  }

  /**
   * An input of per-sample {@code shape}, {@code dtype} and {@code name} (null for automatic).
   *
   * @param shape the per-sample shape
   * @param dtype the dtype
   * @param name the input's name, or null
   * @return the symbolic input tensor
   */
  public static Tensor of(Shape shape, DType dtype, String name) {
    return new InputLayer(shape.withBatch(Shape.UNKNOWN), dtype, name).output();
  }
}
