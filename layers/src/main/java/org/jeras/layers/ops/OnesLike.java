package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code keras.ops.ones_like} as a graph node: ones of x's shape in {@code dtype} (x's when null). */
public class OnesLike extends FilledLike {
  public OnesLike(DType dtype) {
    super(dtype, 1.0);
  }

  public static OnesLike fromConfig(Config c) {
    return new OnesLike(dtype(c)).withBaseConfig(c);
  }
}
