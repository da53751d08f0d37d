package org.jeras.layers.ops;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code keras.ops.expand_dims} as a graph node: inserts a size-1 axis at {@code axis}. */
public class ExpandDims extends NumpyOp {
  private final int axis;

  public ExpandDims(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return ArrayOps.expandDims(x, axis);
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("axis", axis);
  }

  public static ExpandDims fromConfig(Config c) {
    return new ExpandDims(c.getInt("axis")).withBaseConfig(c);
  }
}
