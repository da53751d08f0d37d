package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keeps only the top {@code b} bits of each 8-bit pixel in training (Keras's
 * {@code RandomPosterization}), {@code b} drawn per image from the integers of
 * {@code [lower, upper)} of {@code factor} (a number {@code f} in [1, 8] means {@code [1, f]}; a
 * single value when both ends agree). Pixels are taken to 0..255 from {@code value_range},
 * truncated to integers, and mapped back; the result is piecewise constant, so it passes no gradient.
 */
public class RandomPosterization extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomPosterization}.
   *
   * @param factor the range of the number of bits kept
   * @param valueRange the range of the pixel values
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomPosterization(FactorRange factor, ValueRange valueRange, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    INDArray x = valueRange.to255(images).value();
    long per = x.length() / n;
    double[] v = x.dup('c').data().asDouble();
    for (int i = 0; i < n; i++) {
      int lo = (int) factor.lower();
      int hi = (int) factor.upper();
      int bits = lo == hi ? lo : lo + random.nextInt(hi - lo);
      int shift = 8 - bits;
      for (long k = i * per; k < (i + 1) * per; k++) {
        int p = (int) Math.max(0, Math.min(255, (long) v[(int) k]));
        v[(int) k] = (p >> shift) << shift;
      }
    }
    INDArray out = Nd4j.createFromArray(v).reshape(x.shape()).castTo(x.dataType());
    return valueRange.from255(Tensor.of(out));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomPosterization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomPosterization fromConfig(Config c) {
    return new RandomPosterization(FactorRange.of("RandomPosterization", "factor", c.get("factor"), 1, 8),
        ValueRange.of("RandomPosterization", c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
