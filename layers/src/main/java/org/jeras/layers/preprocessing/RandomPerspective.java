package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code RandomPerspective}, in training: each image, with a probability drawn from
 * {@code factor} (a number {@code f} in [0, 1] means {@code [0, f]}), is warped by the homography that
 * moves its four corners {@code p} to {@code p + p * u}, {@code u} uniform in
 * {@code [-scale / 2, scale / 2]} per coordinate; output pixels sample the input (bilinear or nearest)
 * with {@code fill_value} outside it. Identity in inference.
 */
public class RandomPerspective extends ImageAugmentation {
  private final FactorRange factor;
  private final double scale;
  private final String interpolation;
  private final double fillValue;

  /**
   * Keras's {@code RandomPerspective}.
   *
   * @param factor the range of the probability of warping an image
   * @param scale the size of the corner moves, in [0, 1]
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param fillValue the value of points outside the input
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomPerspective(FactorRange factor, double scale, String interpolation, double fillValue, Long seed,
      String dataFormat) {
    super(dataFormat, seed);
    if (!(scale >= 0 && scale <= 1)) {
      throw Args.invalid(className(), "scale", "a number in [0, 1]", scale);
    }
    this.factor = factor;
    this.scale = scale;
    this.interpolation = AffineWarp.check(className(), "interpolation", interpolation, AffineWarp.INTERPOLATIONS);
    this.fillValue = fillValue;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    int h = (int) images.shape().get(1);
    int w = (int) images.shape().get(2);
    double[] apply = drawApplied(factor, n, random);
    double[][] start = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}};
    double[][] homography = new double[n][];
    for (int i = 0; i < n; i++) {
      double[][] end = new double[4][2];
      for (int k = 0; k < 4; k++) {
        for (int d = 0; d < 2; d++) {
          double u = -0.5 * scale + scale * random.nextDouble();
          end[k][d] = start[k][d] + start[k][d] * u;
        }
      }
      homography[i] = homography(start, end);
    }
    Tensor warped = warp(images, homography, interpolation, fillValue);
    Tensor on = RandomContrast.perImage(apply, images);
    return MathOps.add(MathOps.mul(warped, on), MathOps.mul(images, MathOps.rsub(1.0, on)));
  }

  /** Keras's {@code perspective_transform}: image b's output pixel (x, y) samples the input at {@code H_b (x, y)}. */
  static Tensor warp(Tensor images, double[][] homography, String interpolation, double fillValue) {
    return AffineWarp.sample(images, (b, x, y, xy) -> {
      double[] t = homography[b];
      double denominator = t[6] * x + t[7] * y + 1;
      xy[0] = (t[0] * x + t[1] * y + t[2]) / denominator;
      xy[1] = (t[3] * x + t[4] * y + t[5]) / denominator;
    }, interpolation, "constant", fillValue);
  }

  /**
   * The 8 coefficients of the homography taking each {@code end} point to its {@code start} point (so
   * that output pixels, at the end points, sample the input at the start points), as Keras solves it.
   */
  static double[] homography(double[][] start, double[][] end) {
    double[][] a = new double[8][9];
    for (int k = 0; k < 4; k++) {
      double ex = end[k][0];
      double ey = end[k][1];
      double sx = start[k][0];
      double sy = start[k][1];
      a[k] = new double[] {ex, ey, 1, 0, 0, 0, -sx * ex, -sx * ey, sx};
      a[k + 4] = new double[] {0, 0, 0, ex, ey, 1, -sy * ex, -sy * ey, sy};
    }
    // Gaussian elimination with partial pivoting; a singular system (degenerate corners) keeps the image.
    for (int c = 0; c < 8; c++) {
      int pivot = c;
      for (int r = c + 1; r < 8; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][c]) < 1e-12) {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0};
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < 8; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k < 9; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] h = new double[8];
    for (int r = 0; r < 8; r++) {
      h[r] = a[r][8] / a[r][r];
    }
    return h;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("scale", scale).put("interpolation", interpolation)
        .put("fill_value", fillValue).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomPerspective.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomPerspective fromConfig(Config c) {
    return new RandomPerspective(FactorRange.of("RandomPerspective", "factor", c.isSet("factor") ? c.get("factor")
        : new com.google.gson.JsonPrimitive(1.0), 0, 1), c.getDouble("scale", 1.0),
        c.getString("interpolation", "bilinear"), c.getDouble("fill_value", 0.0), c.getLongOrNull("seed"),
        dataFormat(c)).withBaseConfig(c);
  }
}
