package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class RnnOpsTest {
  @Test
  void reverseValuesAndGradient() {
    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 2);
    INDArray r = RnnOps.reverse(Tensor.of(x), 1).value();
    for (int t = 0; t < 3; t++) {
      assertEquals(x.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()),
          r.get(NDArrayIndex.all(), NDArrayIndex.point(2 - t), NDArrayIndex.all()));
    }
    assertEquals(x.getDouble(1, 2, 0), RnnOps.reverse(Tensor.of(x), -1).value().getDouble(1, 2, 1));
    GradCheck.check(t -> RnnOps.reverse(t.get(0), 1), x);
    GradCheck.check(t -> RnnOps.reverse(t.get(0), -1), x);
  }

  private static INDArray rand(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  private static INDArray sigmoid(INDArray z) {
    return Transforms.sigmoid(z, true);
  }

  private static INDArray tanh(INDArray z) {
    return Transforms.tanh(z, true);
  }

  @Test
  void fusedLstmMatchesStepByStepMath() {
    long b = 2, t = 3, in = 2, u = 3;
    INDArray x = rand(1, b, t, in);
    INDArray k = rand(2, in, 4 * u);
    INDArray r = rand(3, u, 4 * u);
    INDArray bias = rand(4, 4 * u);
    INDArray h = rand(5, b, u);
    INDArray c = rand(6, b, u);
    List<Tensor> out = RnnOps.lstm(Tensor.of(x), Tensor.of(k), Tensor.of(r), Tensor.of(bias), Tensor.of(h), Tensor.of(c));
    for (int s = 0; s < t; s++) {
      INDArray xt = x.get(NDArrayIndex.all(), NDArrayIndex.point(s), NDArrayIndex.all());
      INDArray z = xt.mmul(k).addi(h.mmul(r)).addiRowVector(bias);
      INDArray i = sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, u)));
      INDArray f = sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(u, 2 * u)));
      INDArray g = tanh(z.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * u, 3 * u)));
      INDArray o = sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * u, 4 * u)));
      c = f.mul(c).addi(i.mul(g));
      h = o.mul(tanh(c));
      INDArray got = out.get(0).value().get(NDArrayIndex.all(), NDArrayIndex.point(s), NDArrayIndex.all());
      assertTrue(h.equalsWithEps(got, 1e-12), "step " + s);
    }
    assertTrue(h.equalsWithEps(out.get(1).value(), 1e-12));
    assertTrue(c.equalsWithEps(out.get(2).value(), 1e-12));
  }

  @Test
  void fusedLstmGradients() {
    INDArray[] in = {rand(1, 2, 3, 2), rand(2, 2, 12), rand(3, 3, 12), rand(4, 12), rand(5, 2, 3), rand(6, 2, 3)};
    // Every output feeds the projection, so gradients through h_seq, h_last and c_last are all checked.
    GradCheck.check(t -> {
      List<Tensor> o = RnnOps.lstm(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5));
      return ArrayOps.concat(List.of(ArrayOps.reshape(o.get(0), 2, -1), o.get(1), o.get(2)), 1);
    }, in);
    GradCheck.check(t -> {
      List<Tensor> o = RnnOps.lstm(t.get(0), t.get(1), t.get(2), null, t.get(3), t.get(4));
      return ArrayOps.concat(List.of(ArrayOps.reshape(o.get(0), 2, -1), o.get(2)), 1);
    }, in[0], in[1], in[2], in[4], in[5]);
  }
}
