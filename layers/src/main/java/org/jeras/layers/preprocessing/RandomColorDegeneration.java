package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Moves each RGB image toward its grayscale version by a factor drawn uniformly from
 * {@code factor} (a number {@code f} in [-1, 1] means {@code [-f, f]}; negative factors move away),
 * then clips to {@code value_range}, in training (Keras's {@code RandomColorDegeneration}).
 */
public class RandomColorDegeneration extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomColorDegeneration}.
   *
   * @param factor the range of the blend factor towards grayscale
   * @param valueRange the range of the pixel values
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomColorDegeneration(FactorRange factor, ValueRange valueRange, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    double[] f = new double[(int) images.shape().get(0)];
    for (int i = 0; i < f.length; i++) {
      f[i] = factor.draw(random);
    }
    Tensor gray = RandomGrayscale.gray(this, images);
    Tensor out = MathOps.add(images, MathOps.mul(RandomContrast.perImage(f, images), MathOps.sub(gray, images)));
    return MathOps.clip(out, valueRange.low(), valueRange.high());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomColorDegeneration.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomColorDegeneration fromConfig(Config c) {
    return new RandomColorDegeneration(FactorRange.of("RandomColorDegeneration", "factor", c.get("factor"), -1, 1),
        ValueRange.of("RandomColorDegeneration", c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
