package org.jeras.layers.ops;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code keras.ops.concatenate} as a graph node (class {@code Concatenate} of
 * {@code keras.src.ops.numpy}, e.g. from the {@code Concatenate} layer's mask): joins a list of
 * tensors along {@code axis}.
 */
public class NumpyConcatenate extends NumpyOp {
  private final int axis;

  public NumpyConcatenate(int axis) {
    this.axis = axis;
  }

  @Override
  public String className() {
    return "Concatenate";
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    return List.of(ArrayOps.concat(args.tensors(0), axis));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("axis", axis);
  }

  public static NumpyConcatenate fromConfig(Config c) {
    return new NumpyConcatenate(c.getInt("axis", 0)).withBaseConfig(c);
  }
}
