package org.jeras.layers.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Conv1D;
import org.jeras.layers.pooling.AveragePooling2D;
import org.jeras.layers.pooling.MaxPooling1D;
import org.jeras.layers.pooling.MaxPooling2D;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A valid pool or kernel size that is larger than the input's spatial size leaves no output
 * position ("valid" padding): a typed error, never a window silently clipped to the input.
 */
class OversizedWindowTest {
  private static Tensor input(long... shape) {
    return Tensor.of(Nd4j.rand(DataType.FLOAT, shape));
  }

  @Test
  void poolingWindowLargerThanTheInputIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MaxPooling1D(10).apply(input(2, 4, 3)));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(5, 5).apply(input(1, 4, 4, 2)));
    assertThrows(IllegalArgumentException.class, () -> new AveragePooling2D(5, 1).apply(input(1, 4, 4, 2)));
  }

  @Test
  void windowEqualToTheInputStillPools() {
    assertArrayEquals(new long[] {2, 1, 3}, new MaxPooling1D(4).apply(input(2, 4, 3)).shape().dims());
  }

  @Test
  void kernelLargerThanTheInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Conv1D(2, 10).apply(input(2, 4, 3)));
  }
}
