package org.jeras.layers.ops;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code keras.ops.any} as a node of a functional graph: whether any element along
 * {@code axis} is true (non-zero), as booleans; {@code axis} null reduces everything.
 */
public class Any extends NumpyOp {
  private final Integer axis;
  private final boolean keepdims;

  public Any(Integer axis, boolean keepdims) {
    this.axis = axis;
    this.keepdims = keepdims;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    INDArray nonZero = x.value().castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE);
    INDArray out;
    if (axis == null) {
      out = nonZero.max();
      if (keepdims) {
        long[] ones = new long[x.rank()];
        Arrays.fill(ones, 1);
        out = out.reshape(ones);
      }
    } else {
      int ax = axis < 0 ? axis + x.rank() : axis;
      out = nonZero.max(keepdims, ax);
    }
    return Tensor.of(out.castTo(DataType.BOOL));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("axis", axis).put("keepdims", keepdims);
  }

  public static Any fromConfig(Config c) {
    return new Any(c.getIntOrNull("axis"), c.getBoolean("keepdims", false)).withBaseConfig(c);
  }
}
