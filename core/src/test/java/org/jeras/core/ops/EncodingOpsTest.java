package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The encodings of the preprocessing layers, against values worked out by hand. */
class EncodingOpsTest {
  @Test
  void digitizeCountsTheBoundariesReached() {
    Tensor x = Tensor.of(Nd4j.createFromArray(new float[] {-1f, 0f, 0.5f, 2f, Float.NaN, 1f}).reshape(2, 3));
    Tensor got = EncodingOps.digitize(x, new double[] {0, 1, 2});
    assertEquals(DType.INT32, got.dtype());
    assertArrayEquals(new int[] {0, 1, 1, 3, 0, 2}, got.value().reshape(6).toIntVector());
    assertArrayEquals(new long[] {2, 3}, got.value().shape());
  }

  @Test
  void oneHotAppendsADepthAxisAndDropsATrailingOne() {
    INDArray idx = Nd4j.createFromArray(new long[] {2, 0, 5, -1}).reshape(4, 1);
    INDArray got = EncodingOps.categoryEncode(Tensor.of(idx), "one_hot", 3, DType.FLOAT32).value();
    assertArrayEquals(new long[] {4, 3}, got.shape());
    assertEquals(Nd4j.createFromArray(new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 0, 0}, {0, 0, 0}}), got);
  }

  @Test
  void multiHotAndCountReduceAxisOne() {
    INDArray idx = Nd4j.createFromArray(new long[][] {{1, 1, 3}, {0, 4, 0}});
    assertEquals(Nd4j.createFromArray(new float[][] {{0, 1, 0, 1}, {1, 0, 0, 0}}),
        EncodingOps.categoryEncode(Tensor.of(idx), "multi_hot", 4, DType.FLOAT32).value());
    assertEquals(Nd4j.createFromArray(new long[][] {{0, 2, 0, 1}, {2, 0, 0, 0}}),
        EncodingOps.categoryEncode(Tensor.of(idx), "count", 4, DType.INT64).value());
    // A rank-1 input is one sample.
    INDArray one = EncodingOps.categoryEncode(Tensor.of(Nd4j.createFromArray(new long[] {2, 2, 0})), "count", 3,
        DType.FLOAT32).value();
    assertEquals(Nd4j.createFromArray(new float[] {1, 0, 2}), one);
    assertEquals(DataType.FLOAT, one.dataType());
  }
}
