package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Inverts each image ({@code value_range[1] - x}) in training with a probability drawn uniformly
 * from {@code factor} (Keras's {@code RandomInvert}; a number {@code f} in [0, 1] means
 * {@code [0, f]}).
 */
public class RandomInvert extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomInvert}.
   *
   * @param factor the range of the probability of inverting an image
   * @param valueRange the range of the pixel values
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomInvert(FactorRange factor, ValueRange valueRange, Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    double[] apply = drawApplied(factor, n, random);
    Tensor on = RandomContrast.perImage(apply, images);
    Tensor inverted = MathOps.rsub(valueRange.high(), images);
    return MathOps.add(MathOps.mul(inverted, on), MathOps.mul(images, MathOps.rsub(1.0, on)));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomInvert.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomInvert fromConfig(Config c) {
    FactorRange f = c.isSet("factor") ? FactorRange.of("RandomInvert", "factor", c.get("factor"), 0, 1)
        : new FactorRange(0, 1);
    return new RandomInvert(f, ValueRange.of("RandomInvert", c), c.getLongOrNull("seed"), dataFormat(c))
        .withBaseConfig(c);
  }
}
