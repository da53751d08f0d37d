package org.jeras.layers.preprocessing;

import java.util.List;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Scales each RGB image's saturation in training (Keras's {@code RandomSaturation}): by
 * {@code f / (1 - f + 1e-7)}, {@code f} drawn uniformly from {@code factor} (a number {@code f} in
 * [-1, 1] means {@code [-f, f]}), the saturation then clipped to {@code value_range} as Keras 3.16
 * does (0.5 keeps an image, 0 makes it gray, 1 saturates it fully). Identity in inference.
 */
public class RandomSaturation extends ImageAugmentation {
  private static final double EPSILON = 1e-7;
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomSaturation}.
   *
   * @param factor the range of the saturation factor
   * @param valueRange the range of the pixel values
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomSaturation(FactorRange factor, ValueRange valueRange, String dataFormat, Long seed) {
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
    return saturate(this, images, f, valueRange);
  }

  /** Channels-last RGB {@code images} with image {@code i}'s saturation scaled by {@code f / (1 - f + 1e-7)}. */
  static Tensor saturate(ImageAugmentation layer, Tensor images, double[] f, ValueRange valueRange) {
    RandomGrayscale.gray(layer, images); // checks the three channels
    double[] scale = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      scale[i] = f[i] / (1 - f[i] + EPSILON);
    }
    Tensor hsv = Hsv.fromRgb(images);
    Tensor s = MathOps.clip(MathOps.mul(ArrayOps.slice(hsv, 3, 1, 2), RandomContrast.perImage(scale, images)),
        valueRange.low(), valueRange.high());
    return Hsv.toRgb(ArrayOps.concat(List.of(ArrayOps.slice(hsv, 3, 0, 1), s, ArrayOps.slice(hsv, 3, 2, 3)), 3));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomSaturation.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomSaturation fromConfig(Config c) {
    return new RandomSaturation(FactorRange.of("RandomSaturation", "factor", c.get("factor"), -1, 1),
        ValueRange.of("RandomSaturation", c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
