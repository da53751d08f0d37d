package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code RandomElasticTransform}, in training: each image, with a probability drawn from
 * {@code factor} (a number {@code f} in [0, 1] means {@code [0, f]}), is resampled at its pixel grid
 * displaced by {@code alpha * d}, {@code d} per image and axis Gaussian noise of deviation {@code sigma}
 * smoothed by a Gaussian blur of that deviation ({@code int(6 sigma) | 1} taps, zero padding); with
 * {@code s} drawn once per call from {@code scale}, {@code alpha = 0.1 s max(h, w)} and
 * {@code sigma = 0.05 s min(h, w)}. Points outside follow {@code fill_mode}; then all images are clipped to
 * {@code value_range}. Nothing changes when {@code factor} or {@code scale} tops at 0, nor in inference.
 * The two axes draw independent noise (Keras on JAX draws both from one seed, so its two are equal).
 */
public class RandomElasticTransform extends ImageAugmentation {
  private final FactorRange factor;
  private final FactorRange scale;
  private final String interpolation;
  private final String fillMode;
  private final double fillValue;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomElasticTransform}.
   *
   * @param factor the range of the probability of distorting an image
   * @param scale the range of the distortion strength
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param fillMode {@code "reflect"}, {@code "wrap"}, {@code "constant"} or {@code "nearest"}
   * @param fillValue the value of points outside the input with {@code fill_mode="constant"}
   * @param valueRange the range the output is clipped to
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomElasticTransform(FactorRange factor, FactorRange scale, String interpolation, String fillMode,
      double fillValue, ValueRange valueRange, Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.factor = factor;
    this.scale = scale;
    this.interpolation = AffineWarp.check(className(), "interpolation", interpolation, AffineWarp.INTERPOLATIONS);
    this.fillMode = AffineWarp.check(className(), "fill_mode", fillMode, AffineWarp.FILL_MODES);
    this.fillValue = fillValue;
    this.valueRange = valueRange;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    if (scale.upper() == 0 || factor.upper() == 0) {
      return images;
    }
    int n = (int) images.shape().get(0);
    int h = (int) images.shape().get(1);
    int w = (int) images.shape().get(2);
    double[] apply = drawApplied(factor, n, random);
    double s = scale.draw(random);
    double alpha = Math.max(h, w) * 0.1 * s;
    double sigma = Math.min(h, w) * 0.05 * s;
    double[][] dx = new double[n][];
    double[][] dy = new double[n][];
    for (int i = 0; i < n; i++) {
      dx[i] = smoothNoise(h, w, sigma, random);
      dy[i] = smoothNoise(h, w, sigma, random);
    }
    Tensor warped = AffineWarp.sample(images, (b, x, y, xy) -> {
      xy[0] = x + alpha * dx[b][y * w + x];
      xy[1] = y + alpha * dy[b][y * w + x];
    }, interpolation, fillMode, fillValue);
    Tensor on = RandomContrast.perImage(apply, images);
    Tensor out = MathOps.add(MathOps.mul(warped, on), MathOps.mul(images, MathOps.rsub(1.0, on)));
    ValueRange r = valueRange.sorted();
    return MathOps.clip(out, r.low(), r.high());
  }

  /** Gaussian noise of deviation {@code sigma} over an h x w grid, blurred by a Gaussian of that deviation. */
  private static double[] smoothNoise(int h, int w, double sigma, SplittableRandom random) {
    double[] d = new double[h * w];
    for (int k = 0; k < d.length; k++) {
      d[k] = random.nextGaussian() * sigma;
    }
    int size = ((int) (6 * sigma)) | 1;
    if (size == 1 || sigma <= 0) {
      return d;
    }
    double[] k = RandomGaussianBlur.gaussian(size, sigma);
    int half = size / 2;
    double[] rows = new double[d.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 0;
        for (int t = 0; t < size; t++) {
          int xx = x + t - half;
          v += xx >= 0 && xx < w ? k[t] * d[y * w + xx] : 0;
        }
        rows[y * w + x] = v;
      }
    }
    double[] out = new double[d.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 0;
        for (int t = 0; t < size; t++) {
          int yy = y + t - half;
          v += yy >= 0 && yy < h ? k[t] * rows[yy * w + x] : 0;
        }
        out[y * w + x] = v;
      }
    }
    return out;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("scale", scale.json())
        .put("interpolation", interpolation).put("fill_mode", fillMode).put("fill_value", fillValue)
        .put("value_range", valueRange.json()).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomElasticTransform.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomElasticTransform fromConfig(Config c) {
    String n = "RandomElasticTransform";
    com.google.gson.JsonElement one = new com.google.gson.JsonPrimitive(1.0);
    return new RandomElasticTransform(FactorRange.of(n, "factor", c.isSet("factor") ? c.get("factor") : one, 0, 1),
        FactorRange.of(n, "scale", c.isSet("scale") ? c.get("scale") : one, 0, 1),
        c.getString("interpolation", "bilinear"), c.getString("fill_mode", "reflect"), c.getDouble("fill_value", 0.0),
        ValueRange.of(n, c), c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }
}
