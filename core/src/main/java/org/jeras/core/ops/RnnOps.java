package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Differentiable ops that recurrent layers need beyond the elementwise and matmul ops. */
public final class RnnOps {
  private RnnOps() {}

  /** {@code a} with the order along {@code axis} reversed (Keras's {@code ops.flip}). */
  public static Tensor reverse(Tensor a, int axis) {
    INDArray x = a.value();
    int ax = axis < 0 ? axis + x.rank() : axis;
    return recordOp(flip(x, ax), g -> new INDArray[] {flip(g, ax)}, a);
  }

  private static INDArray flip(INDArray x, int axis) {
    INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
    Nd4j.exec(DynamicCustomOp.builder("reverse").addInputs(x.dup('c')).addOutputs(out).addIntegerArguments(axis).build());
    return out;
  }
}
