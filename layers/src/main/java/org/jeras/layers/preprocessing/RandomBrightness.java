package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Adds to each image a delta drawn uniformly from {@code factor} (a number {@code f} in [-1, 1]
 * means {@code [-f, f]}) times the width of {@code value_range}, then clips to that range, in
 * training (Keras's {@code RandomBrightness}).
 */
public class RandomBrightness extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomBrightness(factor, seed=seed)}.
   *
   * @param factor the brightness change, a fraction of the value range in [-factor, factor]
   * @param seed the seed, or null for a drawn one
   */
  public RandomBrightness(double factor, Long seed) {
    this(FactorRange.of("RandomBrightness", "factor", factor, -1, 1), ValueRange.DEFAULT, seed, null);
  }

  /**
   * Keras's {@code RandomBrightness}.
   *
   * @param factor the range of the brightness change, as fractions of the value range
   * @param valueRange the range of the pixel values
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomBrightness(FactorRange factor, ValueRange valueRange, Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    double[] delta = new double[(int) images.shape().get(0)];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = factor.draw(random) * (valueRange.high() - valueRange.low());
    }
    Tensor out = MathOps.add(images, RandomContrast.perImage(delta, images));
    return MathOps.clip(out, valueRange.low(), valueRange.high());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomBrightness.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomBrightness fromConfig(Config c) {
    return new RandomBrightness(FactorRange.of("RandomBrightness", "factor", c.get("factor"), -1, 1),
        ValueRange.of("RandomBrightness", c), c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }
}
