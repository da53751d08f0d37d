package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
}
