package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** {@code keras.ops.zeros_like} / {@code ones_like} as graph nodes: x's shape filled with one value. */
abstract class FilledLike extends NumpyOp {
  private final DType dtype;
  private final double fill;

  FilledLike(DType dtype, double fill) {
    this.dtype = dtype;
    this.fill = fill;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    DType d = dtype == null ? x.dtype() : dtype;
    return Tensor.of(Nd4j.valueArrayOf(x.value().shape(), fill, d.nd4j()));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("dtype", dtype == null ? null : dtype.kerasName());
  }

  /** The config's {@code dtype}, or null (x's dtype). */
  static DType dtype(Config c) {
    String d = c.getString("dtype", null);
    return d == null ? null : DType.of(d);
  }
}
