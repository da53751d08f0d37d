package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code keras.ops.zeros_like} as a graph node: zeros of x's shape in {@code dtype} (x's when null). */
public class ZerosLike extends NumpyOp {
  private final DType dtype;

  public ZerosLike(DType dtype) {
    this.dtype = dtype;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    DType d = dtype == null ? x.dtype() : dtype;
    return Tensor.of(Nd4j.valueArrayOf(x.value().shape(), 0.0, d.nd4j()));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("dtype", dtype == null ? null : dtype.kerasName());
  }

  public static ZerosLike fromConfig(Config c) {
    String d = c.getString("dtype", null);
    return new ZerosLike(d == null ? null : DType.of(d)).withBaseConfig(c);
  }
}
