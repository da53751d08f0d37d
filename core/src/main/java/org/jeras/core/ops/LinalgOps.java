package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Matrix products. */
public final class LinalgOps {
  private LinalgOps() {}

  /**
   * {@code a @ b} as numpy's matmul: 2-d by 2-d, batched over leading dims of equal size, or an
   * n-d {@code a} against a 2-d {@code b} (contracting the last axis of {@code a}). The backward is
   * ND4J's {@code matmul_bp}.
   */
  public static Tensor matmul(Tensor a, Tensor b) {
    INDArray x = a.value();
    INDArray y = b.value();
    if (x.rank() > 2 && y.rank() == 2) {
      long[] s = x.shape();
      long rows = x.length() / s[s.length - 1];
      Tensor flat = ArrayOps.reshape(a, rows, s[s.length - 1]);
      long[] outShape = s.clone();
      outShape[s.length - 1] = y.size(1);
      return ArrayOps.reshape(matmul(flat, b), outShape);
    }
    INDArray out = x.rank() == 2 ? x.mmul(y) : batched(x, y);
    return recordOp(out, g -> {
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

  private static INDArray batched(INDArray x, INDArray y) {
    long[] xs = x.shape();
    long[] ys = y.shape();
    long[] os = xs.clone();
    os[os.length - 1] = ys[ys.length - 1];
    INDArray out = Nd4j.createUninitialized(x.dataType(), os);
    Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(x, y).addOutputs(out).build());
    return out;
  }
}
