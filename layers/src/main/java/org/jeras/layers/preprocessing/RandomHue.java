package org.jeras.layers.preprocessing;

import java.util.List;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Shifts each RGB image's hue in training (Keras's {@code RandomHue}): by {@code ±f / 2} of the hue
 * circle, {@code f} drawn uniformly from {@code factor} (a number {@code f} in [0, 1] means
 * {@code [0, f]}) and the sign by a fair coin; the image goes from {@code value_range} to 0..1, through
 * HSV, wraps the hue, and comes back clipped. Identity in inference.
 */
public class RandomHue extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomHue}.
   *
   * @param factor the range of the hue shift, in [0, 1]
   * @param valueRange the range of the pixel values (kept as given, as Keras does)
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomHue(FactorRange factor, ValueRange valueRange, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    double[] shift = new double[n];
    for (int i = 0; i < n; i++) {
      shift[i] = random.nextDouble() > 0.5 ? -0.5 : 0.5;
    }
    for (int i = 0; i < n; i++) {
      shift[i] *= factor.draw(random);
    }
    return shiftHue(this, images, shift, valueRange);
  }

  /** Channels-last RGB {@code images} with each image's hue shifted by {@code shift[i]} (wrapped to [0, 1]). */
  static Tensor shiftHue(ImageAugmentation layer, Tensor images, double[] shift, ValueRange valueRange) {
    RandomGrayscale.gray(layer, images); // checks the three channels
    Tensor hsv = Hsv.fromRgb(valueRange.toUnit(images));
    Tensor h = MathOps.add(ArrayOps.slice(hsv, 3, 0, 1), RandomContrast.perImage(shift, images));
    h = MathOps.where(Hsv.positive(MathOps.add(h, -1.0)), MathOps.add(h, -1.0), h);
    h = MathOps.where(Hsv.positive(MathOps.neg(h)), MathOps.add(h, 1.0), h);
    Tensor rgb = Hsv.toRgb(ArrayOps.concat(List.of(h, ArrayOps.slice(hsv, 3, 1, 3)), 3));
    return valueRange.fromUnit(MathOps.clip(rgb, 0, 1));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomHue.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomHue fromConfig(Config c) {
    return new RandomHue(FactorRange.of("RandomHue", "factor", c.get("factor"), 0, 1),
        ValueRange.of("RandomHue", c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
