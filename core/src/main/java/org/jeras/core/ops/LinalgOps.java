package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Matrix products. */
public final class LinalgOps {
  private LinalgOps() {}

  private static final OpDesc MATMUL = OpDesc.of("matmul");
  /** {@code x @ kernel + bias}. */
  private static final OpDesc AFFINE = OpDesc.of("affine");

  /**
   * {@return {@code a @ b} as numpy's matmul: 2-d by 2-d, batched over leading dims of equal size, or an
   * n-d {@code a} against a 2-d {@code b} (contracting the last axis of {@code a})} 2-d products run in
   * {@link Kernels#matmul}; the backward of batched ones is ND4J's {@code matmul_bp}.
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor matmul(Tensor a, Tensor b) {
    INDArray x = a.value();
    INDArray y = b.value();
    if (x.rank() < 2 || y.rank() < 2) {
      throw new OpShapeException("matmul: operands must have rank 2 or more, got shapes " + Checks.shape(x) + " and "
          + Checks.shape(y));
    }
    if (x.rank() > 2 && y.rank() == 2) {
      Checks.sameDim("matmul", x, -1, y, 0);
      long[] s = x.shape();
      long rows = x.length() / s[s.length - 1];
      Tensor flat = ArrayOps.reshape(a, rows, s[s.length - 1]);
      long[] outShape = s.clone();
      outShape[s.length - 1] = y.size(1);
      return ArrayOps.reshape(matmul(flat, b), outShape);
    }
    if (x.rank() == 2 && y.rank() == 2) {
      // The backward of a 2-d product is two products with transposed operands: no matmul_bp.
      boolean needA = a.isRecorded();
      boolean needB = b.isRecorded();
      return recordOp(MATMUL, Kernels.matmul(x, false, y, false), g -> new INDArray[] {
          needA ? Kernels.matmul(g, false, y, true) : null, needB ? Kernels.matmul(x, true, g, false) : null}, a, b);
    }
    INDArray out = batched(x, y);
    return recordOp(MATMUL, out, g -> {
      INDArray ga = Nd4j.createUninitialized(x.dataType(), x.shape());
      INDArray gb = Nd4j.createUninitialized(y.dataType(), y.shape());
      Nd4j.exec(DynamicCustomOp.builder("matmul_bp")
          .addInputs(x, y, g)
          .addOutputs(ga, gb)
          .addIntegerArguments(0, 0, 0)
          .build());
      return new INDArray[] {ga, gb};
    }, a, b);
  }

  /**
   * {@return {@code x @ kernel + bias} (bias over the last axis) as one op: the bias is added in place to
   * the fresh product, and the backward is two products and a sum over the leading axes}
   *
   * @param x the input
   * @param kernel the kernel
   * @param bias the bias
   */
  public static Tensor affine(Tensor x, Tensor kernel, Tensor bias) {
    INDArray in = x.value();
    INDArray w = kernel.value();
    INDArray b = bias.value();
    if (in.rank() != 2 || w.rank() != 2 || b.rank() != 1 || b.dataType() != in.dataType()) {
      return MathOps.add(matmul(x, kernel), bias);
    }
    Checks.dim("affine", "the bias", b, 0, w.size(1));
    INDArray out = Kernels.matmul(in, false, w, false);
    Kernels.exec("biasadd", out, out, b);
    boolean needX = x.isRecorded();
    boolean needKernel = kernel.isRecorded();
    boolean needBias = bias.isRecorded();
    // Only the gradients some tape needs: the first layer's input gradient is a whole product.
    return recordOp(AFFINE, out, g -> new INDArray[] {
        needX ? Kernels.matmul(g, false, w, true) : null,
        needKernel ? Kernels.matmul(in, true, g, false) : null,
        needBias ? Kernels.sumRows(g) : null}, x, kernel, bias);
  }

  private static INDArray batched(INDArray x, INDArray y) {
    long[] xs = x.shape();
    long[] ys = y.shape();
    if (xs.length != ys.length || !java.util.Arrays.equals(xs, 0, xs.length - 2, ys, 0, ys.length - 2)
        || xs[xs.length - 1] != ys[ys.length - 2]) {
      throw new OpShapeException("matmul: cannot multiply shapes " + Checks.shape(x) + " and " + Checks.shape(y));
    }
    long[] os = xs.clone();
    os[os.length - 1] = ys[ys.length - 1];
    INDArray out = Nd4j.createUninitialized(x.dataType(), os);
    Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(x, y).addOutputs(out).build());
    return out;
  }
}
