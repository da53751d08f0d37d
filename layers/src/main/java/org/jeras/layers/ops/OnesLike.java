package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code keras.ops.ones_like} as a graph node: ones of x's shape in {@code dtype} (x's when null). */
public class OnesLike extends NumpyOp {
  private final DType dtype;

  public OnesLike(DType dtype) {
    this.dtype = dtype;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    DType d = dtype == null ? x.dtype() : dtype;
    return Tensor.of(Nd4j.valueArrayOf(x.value().shape(), 1.0, d.nd4j()));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("dtype", dtype == null ? null : dtype.kerasName());
  }

  public static OnesLike fromConfig(Config c) {
    String d = c.getString("dtype", null);
    return new OnesLike(d == null ? null : DType.of(d)).withBaseConfig(c);
  }
}
