package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code keras.ops.expand_dims} as a graph node: inserts a size-1 axis at {@code axis}. */
public class ExpandDims extends NumpyOp {
  private final int axis;

  public ExpandDims(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    long[] s = x.value().shape();
    int ax = axis < 0 ? axis + s.length + 1 : axis;
    long[] out = new long[s.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == ax ? 1 : s[j++];
    }
    return Tensor.of(x.value().dup('c').reshape('c', out));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("axis", axis);
  }

  public static ExpandDims fromConfig(Config c) {
    return new ExpandDims(c.getInt("axis")).withBaseConfig(c);
  }
}
