package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Solarizes images in training (Keras's {@code Solarization}): on the 0..255 scale of
 * {@code value_range}, adds a value drawn from {@code [lower, upper * 255]} of
 * {@code addition_factor}, clips, and inverts ({@code 255 - x}) the pixels at or above a threshold
 * drawn from {@code [lower, upper * 255]} of {@code threshold_factor}. A factor {@code f} in [0, 1]
 * means {@code [0, f]}.
 */
public class Solarization extends ImageAugmentation {
  private final FactorRange additionFactor;
  private final FactorRange thresholdFactor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code Solarization}.
   *
   * @param additionFactor the range of the value added before solarizing, as fractions of the value range
   * @param thresholdFactor the range of the threshold above which values are inverted, as fractions of the
   *     value range
   * @param valueRange the range of the pixel values
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public Solarization(FactorRange additionFactor, FactorRange thresholdFactor, ValueRange valueRange, Long seed,
      String dataFormat) {
    super(dataFormat, seed);
    this.additionFactor = additionFactor;
    this.thresholdFactor = thresholdFactor;
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    double[] additions = new double[n];
    double[] thresholds = new double[n];
    for (int i = 0; i < n; i++) {
      additions[i] = draw(additionFactor, random);
    }
    for (int i = 0; i < n; i++) {
      thresholds[i] = draw(thresholdFactor, random);
    }
    Tensor x = valueRange.to255(images);
    x = MathOps.clip(MathOps.add(x, RandomContrast.perImage(additions, images)), 0, 255);
    Tensor below = Tensor.of(x.value().lt(RandomContrast.perImage(thresholds, images).value()
        .broadcast(x.value().shape())).castTo(x.value().dataType()));
    x = MathOps.add(MathOps.mul(x, below), MathOps.mul(MathOps.rsub(255.0, x), MathOps.rsub(1.0, below)));
    return valueRange.from255(x);
  }

  // Keras draws from [lower, upper * 255].
  private static double draw(FactorRange f, SplittableRandom random) {
    return f.lower() + (f.upper() * 255 - f.lower()) * random.nextDouble();
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("value_range", valueRange.json()).put("addition_factor", additionFactor.json())
        .put("threshold_factor", thresholdFactor.json()).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Solarization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Solarization fromConfig(Config c) {
    return new Solarization(factor(c, "addition_factor"), factor(c, "threshold_factor"),
        ValueRange.of("Solarization", c), c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }

  private static FactorRange factor(Config c, String key) {
    return c.isSet(key) ? FactorRange.of("Solarization", key, c.get(key), 0, 1) : new FactorRange(0, 0);
  }
}
