package org.jeras.layers.preprocessing;

import org.jeras.core.graph.Tracer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.OpShapeException;
import org.jeras.core.ops.TensorLimit;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras 3's {@code ops.image.resize} without antialiasing, for batched ({@code rank 4}) or single
 * ({@code rank 3}) images. Bilinear and nearest resizing are separable linear maps, so the image
 * is multiplied by one interpolation matrix per spatial axis (differentiable through matmul).
 * Both use half-pixel centers: bilinear samples source position {@code (i + 0.5) * in / out - 0.5}
 * (clamped to the image), nearest takes {@code floor((i + 0.5) * in / out)}.
 */
final class ImageResize {
  private ImageResize() {}

  /** How the source is fitted to the target aspect ratio before resizing. */
  enum Fit { STRETCH, CROP, PAD }

  static Tensor resize(Tensor images, int height, int width, String interpolation, Fit fit, double fillValue,
      boolean channelsFirst) {
    boolean single = images.rank() == 3;
    if (!single && images.rank() != 4) {
      throw new OpShapeException("resize: images must have rank 3 or 4, got shape " + images.shape());
    }
    Tensor x = single ? ArrayOps.expandDims(images, 0) : images;
    // Work channels-last: (batch, h, w, c).
    if (channelsFirst) {
      x = ArrayOps.transpose(x, 0, 2, 3, 1);
    }
    long h = x.shape().get(1);
    long w = x.shape().get(2);
    if (fit == Fit.CROP) {
      long cropH = Math.max(Math.min(h, (long) ((double) (w * height) / width)), 1);
      long cropW = Math.max(Math.min(w, (long) ((double) (h * width) / height)), 1);
      long top = (long) ((double) (h - cropH) / 2);
      long left = (long) ((double) (w - cropW) / 2);
      x = ArrayOps.slice(ArrayOps.slice(x, 1, top, top + cropH), 2, left, left + cropW);
    } else if (fit == Fit.PAD) {
      long padH = Math.max(h, (long) ((double) (w * height) / width));
      long padW = Math.max(w, (long) ((double) (h * width) / height));
      long top = (long) ((double) (padH - h) / 2);
      long left = (long) ((double) (padW - w) / 2);
      x = ArrayOps.pad(x, new long[][] {{0, 0}, {top, top}, {left, left}, {0, 0}}, fillValue);
    }
    DataType dt = x.value().dataType();
    // The target size comes from the config: bound the output before building anything for it.
    TensorLimit.check("the output of resize", new long[] {x.shape().get(0), height, width, x.shape().get(3)}, x.dtype());
    INDArray rh = matrix(x.shape().get(1), height, interpolation, dt);
    INDArray rw = matrix(x.shape().get(2), width, interpolation, dt);
    // (b, h, w, c) -> (b, w, c, h) @ rh^T -> (b, w, c, H) -> (b, H, c, w) @ rw^T -> (b, H, c, W) -> (b, H, W, c)
    // The interpolation matrices depend only on the (static) sizes: constants of a traced graph.
    Tensor t = LinalgOps.matmul(ArrayOps.transpose(x, 0, 2, 3, 1), Tracer.literal(Tensor.of(rh.transpose().dup())));
    t = LinalgOps.matmul(ArrayOps.transpose(t, 0, 3, 2, 1), Tracer.literal(Tensor.of(rw.transpose().dup())));
    t = ArrayOps.transpose(t, 0, 1, 3, 2);
    if (channelsFirst) {
      t = ArrayOps.transpose(t, 0, 3, 1, 2);
    }
    return single ? ArrayOps.squeeze(t, 0) : t;
  }

  /** The (out x in) interpolation matrix of one axis. */
  static INDArray matrix(long in, long out, String interpolation, DataType dt) {
    double[][] m = new double[(int) out][(int) in];
    double scale = (double) in / out;
    for (int i = 0; i < out; i++) {
      switch (interpolation) {
        case "nearest" -> m[i][(int) Math.min((long) Math.floor((i + 0.5) * scale), in - 1)] = 1;
        case "bilinear" -> {
          double src = Math.max((i + 0.5) * scale - 0.5, 0);
          int i0 = (int) Math.min((long) Math.floor(src), in - 1);
          int i1 = (int) Math.min(i0 + 1, in - 1);
          double frac = src - i0;
          m[i][i0] += 1 - frac;
          m[i][i1] += frac;
        }
        default -> throw new IllegalArgumentException("Unsupported interpolation '" + interpolation
            + "' (Jeras supports bilinear and nearest)");
      }
    }
    return Nd4j.create(m).castTo(dt);
  }
}
