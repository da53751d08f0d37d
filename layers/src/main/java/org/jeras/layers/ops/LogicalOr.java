package org.jeras.layers.ops;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Keras's {@code keras.ops.logical_or} as a graph node: elementwise OR (broadcasting), as booleans. */
public class LogicalOr extends NumpyOp {
  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    INDArray a = args.tensor(0).value().castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE);
    INDArray b = args.tensor(1).value().castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE);
    long[] shape = Broadcast.shape(a.shape(), b.shape());
    INDArray or = Transforms.max(Broadcast.to(a, shape), Broadcast.to(b, shape), true);
    return List.of(Tensor.of(or.castTo(DataType.BOOL)));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name());
  }

  public static LogicalOr fromConfig(Config c) {
    return new LogicalOr().withBaseConfig(c);
  }
}
