package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.List;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Differentiable ops that recurrent layers need beyond the elementwise and matmul ops. */
public final class RnnOps {
  private RnnOps() {}

  /**
   * {@return {@code a} with the order along {@code axis} reversed (Keras's {@code ops.flip})}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor reverse(Tensor a, int axis) {
    INDArray x = a.value();
    int ax = Checks.axis("reverse", x.rank(), axis);
    return recordOp(OpDesc.of("reverse", "axis", ax), flip(x, ax), g -> new INDArray[] {flip(g, ax)}, a);
  }

  private static INDArray flip(INDArray x, int axis) {
    INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
    Nd4j.exec(DynamicCustomOp.builder("reverse").addInputs(x.dup('c')).addOutputs(out).addIntegerArguments(axis).build());
    return out;
  }

  /**
   * A whole LSTM sequence in one ND4J {@code lstmLayer} op (backward: {@code lstmLayer_bp}), with
   * Keras's math for sigmoid gates and tanh cell/output activations: gate blocks i, f, g, o in
   * {@code kernel [in, 4u]}, {@code recurrentKernel [u, 4u]} and {@code bias [4u]} (nullable),
   * {@code z = x_t @ kernel + h @ recurrentKernel + bias}, {@code c = f*c + i*g}, {@code h = o*tanh(c)}.
   *
   * @param x sequences {@code [batch, time, in]}, walked from t = 0
   * @param kernel the kernel
   * @param recurrentKernel the recurrent kernel
   * @param bias the bias
   * @param h0 the initial hidden state
   * @param c0 the initial cell state
   * @return the outputs {@code [batch, time, u]}, the last h and the last c ({@code [batch, u]})
   */
  public static List<Tensor> lstm(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0) {
    checkLstm(x.value(), kernel.value(), recurrentKernel.value(), bias == null ? null : bias.value(), h0.value(),
        c0.value());
    long time = x.value().size(1);
    boolean hasBias = bias != null;
    Tensor[] inputs = hasBias
        ? new Tensor[] {x, kernel, recurrentKernel, bias, h0, c0}
        : new Tensor[] {x, kernel, recurrentKernel, h0, c0};
    INDArray[] in = new INDArray[inputs.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = inputs[i].value().dup('c');
    }
    INDArray[] out = Nd4j.exec(lstmOp("lstmLayer", hasBias, in).build());
    // One recorded op with the three results packed along time: [h_0..h_T-1, h_last, c_last].
    INDArray packed = Nd4j.concat(1, out[0], out[1].reshape(out[1].size(0), 1, out[1].size(1)),
        out[2].reshape(out[2].size(0), 1, out[2].size(1)));
    Tensor all = recordOp(OpDesc.of("lstm_packed", "has_bias", hasBias), packed, g -> {
      INDArray dh = g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, time), NDArrayIndex.all()).dup('c');
      INDArray dhL = g.get(NDArrayIndex.all(), NDArrayIndex.point(time), NDArrayIndex.all()).dup('c');
      INDArray dcL = g.get(NDArrayIndex.all(), NDArrayIndex.point(time + 1), NDArrayIndex.all()).dup('c');
      INDArray[] bpIn = new INDArray[in.length + 3];
      System.arraycopy(in, 0, bpIn, 0, in.length);
      bpIn[in.length] = dh;
      bpIn[in.length + 1] = dhL;
      bpIn[in.length + 2] = dcL;
      INDArray[] grads = new INDArray[in.length];
      for (int i = 0; i < in.length; i++) {
        grads[i] = Nd4j.zeros(in[i].dataType(), in[i].shape());
      }
      Nd4j.exec(lstmOp("lstmLayer_bp", hasBias, bpIn).addOutputs(grads).build());
      return grads;
    }, inputs);
    return List.of(
        ArrayOps.slice(all, 1, 0, time),
        ArrayOps.take(all, 1, time),
        ArrayOps.take(all, 1, time + 1));
  }

  private static DynamicCustomOp.DynamicCustomOpsBuilder lstmOp(String name, boolean hasBias, INDArray[] inputs) {
    return DynamicCustomOp.builder(name)
        .addInputs(inputs)
        // dataFormat 1 = [batch, time, in]; direction 0 = forward; gate sigmoid (2), cell and output tanh (0).
        .addIntegerArguments(1, 0, 2, 0, 0)
        .addFloatingPointArguments(0.0)
        // hasBiases, hasSeqLen, hasInitH, hasInitC, hasPeephole, retFullSeq, retLastH, retLastC
        .addBooleanArguments(hasBias, false, true, true, false, true, true, true);
  }

  /** The shapes {@link #lstm} documents, checked before ND4J's lstmLayer reads the buffers. */
  private static void checkLstm(INDArray x, INDArray kernel, INDArray recurrent, INDArray bias, INDArray h0, INDArray c0) {
    Checks.rank("lstm", "the input", x, 3);
    Checks.rank("lstm", "the kernel", kernel, 2);
    Checks.rank("lstm", "the recurrent kernel", recurrent, 2);
    Checks.sameDim("lstm", x, -1, kernel, 0);
    long units = recurrent.size(0);
    Checks.dim("lstm", "the kernel", kernel, 1, 4 * units);
    Checks.dim("lstm", "the recurrent kernel", recurrent, 1, 4 * units);
    if (bias != null) {
      Checks.rank("lstm", "the bias", bias, 1);
      Checks.dim("lstm", "the bias", bias, 0, 4 * units);
    }
    for (INDArray state : new INDArray[] {h0, c0}) {
      Checks.rank("lstm", "the initial state", state, 2);
      Checks.dim("lstm", "the initial state", state, 0, x.size(0));
      Checks.dim("lstm", "the initial state", state, 1, units);
    }
  }
}
