package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Differentiable neural-network functions: activations, softmax. */
public final class NnOps {
  private NnOps() {}

  public static Tensor relu(Tensor a) {
    INDArray x = a.value();
    INDArray out = Transforms.relu(x, true);
    return recordOp(out, g -> new INDArray[] {g.mul(x.gt(0).castTo(x.dataType()))}, a);
  }

  public static Tensor sigmoid(Tensor a) {
    INDArray out = Transforms.sigmoid(a.value(), true);
    return recordOp(out, g -> new INDArray[] {g.mul(out).muli(out.rsub(1.0))}, a);
  }

  public static Tensor tanh(Tensor a) {
    INDArray out = Transforms.tanh(a.value(), true);
    return recordOp(out, g -> new INDArray[] {g.mul(out.mul(out).rsubi(1.0))}, a);
  }

  /** Softmax along {@code axis}; the backward is ND4J's {@code softmax_bp} (which takes the logits). */
  public static Tensor softmax(Tensor a, int axis) {
    INDArray x = a.value();
    int ax = axis < 0 ? axis + x.rank() : axis;
    INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
    Nd4j.exec(DynamicCustomOp.builder("softmax").addInputs(x).addOutputs(out).addIntegerArguments(ax).build());
    return recordOp(out, g -> {
      INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
      Nd4j.exec(DynamicCustomOp.builder("softmax_bp").addInputs(x, g).addOutputs(gx).addIntegerArguments(ax).build());
      return new INDArray[] {gx};
    }, a);
  }

  /** {@code log(softmax(a))} along {@code axis}, computed stably. */
  public static Tensor logSoftmax(Tensor a, int axis) {
    INDArray x = a.value();
    int ax = axis < 0 ? axis + x.rank() : axis;
    INDArray max = x.max(true, ax);
    INDArray shifted = x.sub(Broadcast.to(max, x.shape()));
    INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, ax), false);
    INDArray out = shifted.subi(Broadcast.to(lse, x.shape()));
    return recordOp(out, g -> {
      INDArray soft = Transforms.exp(out, true);
      INDArray gsum = Broadcast.to(g.sum(true, ax), x.shape());
      return new INDArray[] {g.sub(soft.muli(gsum))};
    }, a);
  }
}
