package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Sharpens or blurs each image in training (Keras's {@code RandomSharpness}): with {@code s} twice a
 * draw from {@code factor} (a number {@code f} in [0, 1] means {@code [0, f]}), the image becomes
 * {@code x + (1 - s) (smooth(x) - x)}, clipped to {@code value_range}; {@code smooth} is the 3x3
 * kernel {@code [1 1 1; 1 5 1; 1 1 1] / 13} per channel with zero padding.
 */
public class RandomSharpness extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomSharpness}.
   *
   * @param factor the range of the sharpness change
   * @param valueRange the range of the pixel values
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomSharpness(FactorRange factor, ValueRange valueRange, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    double[] s = new double[(int) images.shape().get(0)];
    for (int i = 0; i < s.length; i++) {
      s[i] = factor.draw(random) * 2;
    }
    double a = 1.0 / 13;
    Tensor smooth = SpatialFilter.apply(images, new double[][] {{a, a, a}, {a, 5 * a, a}, {a, a, a}});
    double[] keep = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      keep[i] = 1 - s[i];
    }
    Tensor out = MathOps.add(images, MathOps.mul(RandomContrast.perImage(keep, images), MathOps.sub(smooth, images)));
    return MathOps.clip(out, valueRange.low(), valueRange.high());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomSharpness.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomSharpness fromConfig(Config c) {
    return new RandomSharpness(FactorRange.of("RandomSharpness", "factor", c.get("factor"), 0, 1),
        ValueRange.of("RandomSharpness", c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
