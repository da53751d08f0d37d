package org.jeras.layers.ops;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Keras's {@code keras.ops.not_equal} as a node of a functional graph (Keras 3 records it, e.g.,
 * when {@code Masking} computes its mask): {@code x != y} elementwise, as booleans. {@code y} is a
 * tensor or a number; no gradient flows through a comparison.
 */
public class NotEqual extends NumpyOp {
  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Tensor x = args.tensor(0);
    Object y = args.args().get(1);
    if (y instanceof Tensor t) {
      return List.of(Tensor.of(x.value().neq(t.value().castTo(x.value().dataType()))));
    }
    if (y instanceof Number n) {
      return List.of(Tensor.of(x.value().neq(n.doubleValue()).castTo(DataType.BOOL)));
    }
    throw new IllegalArgumentException("NotEqual '" + name() + "': second argument must be a tensor or a number, got " + y);
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name());
  }

  public static NotEqual fromConfig(Config c) {
    return new NotEqual().withBaseConfig(c);
  }
}
