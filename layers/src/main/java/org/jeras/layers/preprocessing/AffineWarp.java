package org.jeras.layers.preprocessing;

import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code ops.image.affine_transform} for a batch of channels-last images: output pixel
 * {@code (x, y)} (column, row) samples the input at {@code (a0 x + a1 y + a2, b0 x + b1 y + b2)},
 * one {@code [a0, a1, a2, b0, b1, b2]} per image. Points outside the image follow
 * {@code fill_mode}: {@code reflect} (d c b a | a b c d | d c b a), {@code wrap}
 * (a b c d | a b c d), {@code nearest} (a a | a b c d | d d) or {@code constant} (the fill value).
 * The result is linear in the images, so the gradient is the transposed resampling.
 */
final class AffineWarp {
  static final String[] FILL_MODES = {"reflect", "wrap", "constant", "nearest"};
  static final String[] INTERPOLATIONS = {"nearest", "bilinear"};

  private AffineWarp() {}

  /** Checks a {@code fill_mode} / {@code interpolation} config value against Keras's choices. */
  static String check(String owner, String key, String value, String[] allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new InvalidConfigException(owner, key, "Unknown `" + key + "` " + value + ". Expected one of "
        + String.join(", ", allowed) + ".");
  }

  /** Where output pixel (column x, row y) of image n samples its input: {@code xy[0]} column, {@code xy[1]} row. */
  interface SourcePoint {
    void at(int n, int x, int y, double[] xy);
  }

  static Tensor apply(Tensor images, double[][] transforms, String interpolation, String fillMode,
      double fillValue) {
    return sample(images, (n, x, y, xy) -> {
      double[] t = transforms[n];
      xy[0] = t[0] * x + t[1] * y + t[2];
      xy[1] = t[3] * x + t[4] * y + t[5];
    }, interpolation, fillMode, fillValue);
  }

  /** The images resampled at the points of {@code source} (bilinear or nearest), outside points by {@code fill_mode}. */
  static Tensor sample(Tensor images, SourcePoint source, String interpolation, String fillMode, double fillValue) {
    long[] shape = images.value().shape();
    int b = (int) shape[0];
    int h = (int) shape[1];
    int w = (int) shape[2];
    int c = (int) shape[3];
    int pixels = h * w;
    // Per output pixel: up to four (source pixel, weight) taps, and what constant filling adds.
    int[] src = new int[b * pixels * 4];
    double[] wt = new double[b * pixels * 4];
    double[] constant = new double[b * pixels];
    boolean bilinear = interpolation.equals("bilinear");
    double[] xy = new double[2];
    for (int n = 0; n < b; n++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int o = (n * pixels + y * w + x);
          source.at(n, x, y, xy);
          double sx = xy[0];
          double sy = xy[1];
          java.util.Arrays.fill(src, o * 4, o * 4 + 4, -1);
          if (bilinear) {
            int x0 = (int) Math.floor(sx);
            int y0 = (int) Math.floor(sy);
            double fx = sx - x0;
            double fy = sy - y0;
            constant[o] += tap(src, wt, o * 4, y0, x0, (1 - fy) * (1 - fx), h, w, fillMode, fillValue);
            constant[o] += tap(src, wt, o * 4 + 1, y0, x0 + 1, (1 - fy) * fx, h, w, fillMode, fillValue);
            constant[o] += tap(src, wt, o * 4 + 2, y0 + 1, x0, fy * (1 - fx), h, w, fillMode, fillValue);
            constant[o] += tap(src, wt, o * 4 + 3, y0 + 1, x0 + 1, fy * fx, h, w, fillMode, fillValue);
          } else {
            constant[o] += tap(src, wt, o * 4, (int) Math.floor(sy + 0.5), (int) Math.floor(sx + 0.5), 1.0, h, w,
                fillMode, fillValue);
          }
        }
      }
    }
    INDArray in = images.value();
    double[] xs = in.dup('c').data().asDouble();
    double[] out = new double[xs.length];
    for (int n = 0; n < b; n++) {
      for (int p = 0; p < pixels; p++) {
        int o = n * pixels + p;
        for (int ch = 0; ch < c; ch++) {
          double v = constant[o];
          for (int k = 0; k < 4; k++) {
            int s = src[o * 4 + k];
            if (s >= 0) {
              v += wt[o * 4 + k] * xs[(n * pixels + s) * c + ch];
            }
          }
          out[o * c + ch] = v;
        }
      }
    }
    INDArray result = Nd4j.createFromArray(out).reshape(shape).castTo(in.dataType());
    return GradientTape.recordOp(result, g -> {
      double[] gs = g.dup('c').data().asDouble();
      double[] gx = new double[gs.length];
      for (int n = 0; n < b; n++) {
        for (int p = 0; p < pixels; p++) {
          int o = n * pixels + p;
          for (int k = 0; k < 4; k++) {
            int s = src[o * 4 + k];
            if (s >= 0) {
              for (int ch = 0; ch < c; ch++) {
                gx[(n * pixels + s) * c + ch] += wt[o * 4 + k] * gs[o * c + ch];
              }
            }
          }
        }
      }
      return new INDArray[] {Nd4j.createFromArray(gx).reshape(shape).castTo(g.dataType())};
    }, images);
  }

  /** Records one tap at {@code slot}; returns what it adds as a constant (constant fill outside the image). */
  private static double tap(int[] src, double[] wt, int slot, int y, int x, double weight, int h, int w,
      String fillMode, double fillValue) {
    if (weight == 0) {
      return 0;
    }
    if (fillMode.equals("constant") && (y < 0 || y >= h || x < 0 || x >= w)) {
      return weight * fillValue;
    }
    src[slot] = fold(y, h, fillMode) * w + fold(x, w, fillMode);
    wt[slot] = weight;
    return 0;
  }

  /** The in-image index that {@code fill_mode} takes for index {@code i} of an axis of size {@code n}. */
  static int fold(int i, int n, String fillMode) {
    switch (fillMode) {
      case "reflect" -> {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
      }
      case "wrap" -> {
        return Math.floorMod(i, n);
      }
      default -> {
        return Math.max(0, Math.min(n - 1, i));
      }
    }
  }
}
