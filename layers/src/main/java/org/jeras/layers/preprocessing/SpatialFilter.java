package org.jeras.layers.preprocessing;

import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * A small 2-d filter applied to every channel of channels-last images with zero "same" padding
 * (a depthwise correlation, as Keras's image blurs run it), built from slices so it is
 * differentiable. Kernels have odd sizes.
 */
final class SpatialFilter {
  private SpatialFilter() {}

  /** {@code images} (batch, h, w, c) filtered by {@code kernel} (rows x columns). */
  static Tensor apply(Tensor images, double[][] kernel) {
    int kh = kernel.length;
    int kw = kernel[0].length;
    long h = images.shape().get(1);
    long w = images.shape().get(2);
    Tensor padded = ArrayOps.pad(images, new long[][] {{0, 0}, {kh / 2, kh / 2}, {kw / 2, kw / 2}, {0, 0}}, 0.0);
    Tensor out = null;
    for (int dy = 0; dy < kh; dy++) {
      for (int dx = 0; dx < kw; dx++) {
        Tensor window = ArrayOps.slice(ArrayOps.slice(padded, 1, dy, dy + h), 2, dx, dx + w);
        Tensor term = MathOps.mul(window, kernel[dy][dx]);
        out = out == null ? term : MathOps.add(out, term);
      }
    }
    return out;
  }
}
