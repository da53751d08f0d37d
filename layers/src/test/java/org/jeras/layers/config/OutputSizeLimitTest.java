package org.jeras.layers.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.TensorLimitException;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.preprocessing.Resizing;
import org.jeras.layers.reshaping.RepeatVector;
import org.jeras.layers.reshaping.UpSampling1D;
import org.jeras.layers.reshaping.UpSampling2D;
import org.jeras.layers.reshaping.ZeroPadding2D;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layers whose output size is set by a config value (a repeat count, an up-sampling factor, a
 * padding, a target image size) refuse an output beyond {@code jeras.maxTensorBytes} before
 * allocating it: a typed error naming the op, not an OutOfMemoryError or a native failure.
 */
class OutputSizeLimitTest {
  private static void refused(Supplier<Layer> layer, long... inputShape) {
    Tensor x = Tensor.of(Nd4j.zeros(DataType.FLOAT, inputShape));
    long start = System.nanoTime();
    TensorLimitException e = assertThrows(TensorLimitException.class, () -> layer.get().apply(x));
    assertTrue(e.getMessage().startsWith("Cannot allocate the output of "), e.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused in seconds");
  }

  @Test
  void configDrivenOutputsAreBounded() {
    refused(() -> new RepeatVector(2_000_000_000), 2, 1000);
    refused(() -> new UpSampling1D(1_000_000_000), 2, 4, 8);
    refused(() -> new UpSampling2D(new int[] {100_000, 100_000}, "channels_last", "nearest"), 1, 2, 2, 3);
    refused(() -> new ZeroPadding2D(new int[][] {{1_000_000, 1_000_000}, {1_000_000, 1_000_000}}, "channels_last"), 1, 2, 2, 3);
    refused(() -> new Resizing(1_000_000, 1_000_000), 1, 4, 4, 3);
  }
}
