package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code CutMix} on images, in training: one {@code alpha} is drawn uniformly from
 * {@code factor} (a number {@code f} in [0, 1] means {@code [0, f]}) plus 1e-6, then per image a weight
 * {@code w ~ Beta(alpha, alpha)}; a box of {@code sqrt(1 - w)} of the height and width, at a uniform
 * position, is pasted from image {@code p[i]} of a random permutation {@code p} of the batch. Identity
 * in inference (and, as in Keras, for a single unbatched image, which has nothing to mix with).
 */
public class CutMix extends ImageAugmentation {
  private final FactorRange factor;

  /**
   * Keras's {@code CutMix(factor, seed, data_format)}.
   *
   * @param factor the range of the Beta parameter
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public CutMix(FactorRange factor, Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.factor = factor;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    int h = (int) images.shape().get(1);
    int w = (int) images.shape().get(2);
    double alpha = factor.draw(random) + 1e-6;
    double[] ratio = new double[n];
    for (int i = 0; i < n; i++) {
      ratio[i] = Math.sqrt(1 - Draws.beta(alpha, alpha, random));
    }
    double[][] xs = bounds(ratio, w, random);
    double[][] ys = bounds(ratio, h, random);
    int[] p = Draws.permutation(n, random);
    double[] mask = new double[n * h * w];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          boolean in = x >= xs[0][i] && x < xs[1][i] && y >= ys[0][i] && y < ys[1][i];
          mask[(i * h + y) * w + x] = in ? 1 : 0;
        }
      }
    }
    Tensor m = Tensor.of(Nd4j.createFromArray(mask).reshape(n, h, w, 1).castTo(images.value().dataType()));
    // The box takes the other image's pixels: x + m (x[p] - x).
    return MathOps.add(images, MathOps.mul(m, MathOps.sub(MixUp.permuted(images, p), images)));
  }

  /** Each image's box start and end along an axis of {@code length}: a uniform start, {@code ratio * length} long. */
  private static double[][] bounds(double[] ratio, int length, SplittableRandom random) {
    double[][] b = new double[2][ratio.length];
    for (int i = 0; i < ratio.length; i++) {
      double size = ratio[i] * length;
      b[0][i] = random.nextDouble() * (length - size);
      b[1][i] = b[0][i] + size;
    }
    return b;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code CutMix.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static CutMix fromConfig(Config c) {
    return new CutMix(FactorRange.of("CutMix", "factor", c.isSet("factor") ? c.get("factor")
        : new com.google.gson.JsonPrimitive(1.0), 0, 1), c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }
}
