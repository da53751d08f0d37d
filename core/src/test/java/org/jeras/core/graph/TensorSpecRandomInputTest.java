package org.jeras.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.tensor.DType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Random inputs drawn from a spec, as the benchmarks and {@code jeras bench} feed a loaded model. */
class TensorSpecRandomInputTest {
  @Test
  void floatingInputsAreUniformInTheUnitIntervalWithTheBatchInFront() {
    INDArray x = TensorSpec.batched("args_0", 3, 5).randomInput(7);
    assertArrayEquals(new long[] {7, 3, 5}, x.shape());
    assertEquals(DataType.FLOAT, x.dataType());
    assertTrue(x.minNumber().doubleValue() >= 0 && x.maxNumber().doubleValue() < 1);
  }

  @Test
  void integerInputsAreZeroOrOne() {
    INDArray x = new TensorSpec("ids", new long[] {-1, 50}, DType.INT32).randomInput(4);
    assertEquals(DataType.INT, x.dataType());
    assertArrayEquals(new long[] {4, 50}, x.shape());
    assertTrue(x.minNumber().intValue() >= 0 && x.maxNumber().intValue() <= 1);
  }

  @Test
  void anUnknownInnerDimensionIsRefusedNamingTheInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TensorSpec("seq", new long[] {-1, -1, 8}, DType.FLOAT32).randomInput(2));
    assertEquals("input 'seq' has shape (None, None, 8): random inputs need every dimension but the batch to be known",
        e.getMessage());
  }
}
