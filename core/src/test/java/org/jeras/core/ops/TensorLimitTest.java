package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TensorLimitTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(TensorLimit.PROPERTY);
  }

  @Test
  void returnsTheByteSizeWithinTheLimit() {
    assertEquals(3L * 5 * 4, TensorLimit.check("t", new long[] {3, 5}, DType.FLOAT32));
    assertEquals(8, TensorLimit.check("t", new long[] {}, DType.FLOAT64));
    assertEquals(0, TensorLimit.check("t", new long[] {0, 7}, DType.FLOAT32));
  }

  @Test
  void defaultLimitIsFourGibibytes() {
    assertEquals(4L << 30, TensorLimit.maxBytes());
    assertEquals(4L << 30, TensorLimit.check("t", new long[] {1L << 30}, DType.FLOAT32));
    TensorLimitException e = assertThrows(TensorLimitException.class,
        () -> TensorLimit.check("variable 'k'", new long[] {(1L << 30) + 1}, DType.FLOAT32));
    assertEquals("Cannot allocate variable 'k' of shape [1073741825] (float32): 4294967300 bytes, over the limit of "
        + "4294967296 (system property jeras.maxTensorBytes)", e.getMessage());
  }

  @Test
  void propertySetsTheLimit() {
    System.setProperty(TensorLimit.PROPERTY, "100");
    assertEquals(100, TensorLimit.check("t", new long[] {25}, DType.FLOAT32));
    assertThrows(TensorLimitException.class, () -> TensorLimit.check("t", new long[] {26}, DType.FLOAT32));
    System.setProperty(TensorLimit.PROPERTY, "lots");
    assertThrows(IllegalStateException.class, TensorLimit::maxBytes);
  }

  @Test
  void overflowingShapesAreRefused() {
    TensorLimitException e = assertThrows(TensorLimitException.class,
        () -> TensorLimit.check("t", new long[] {Long.MAX_VALUE / 2, 3}, DType.FLOAT32));
    assertTrue(e.getMessage().contains("more than " + Long.MAX_VALUE + " elements"), e.getMessage());
    e = assertThrows(TensorLimitException.class,
        () -> TensorLimit.check("t", new long[] {Long.MAX_VALUE / 4}, DType.FLOAT64));
    assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    assertThrows(TensorLimitException.class, () -> TensorLimit.check("t", new long[] {-1, 3}, DType.FLOAT32));
  }
}
