package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code keras.ops.zeros_like} as a graph node: zeros of x's shape in {@code dtype} (x's when null). */
public class ZerosLike extends FilledLike {
  public ZerosLike(DType dtype) {
    super(dtype, 0.0);
  }

  public static ZerosLike fromConfig(Config c) {
    return new ZerosLike(dtype(c)).withBaseConfig(c);
  }
}
