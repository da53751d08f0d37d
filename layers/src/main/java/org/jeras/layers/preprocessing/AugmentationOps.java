package org.jeras.layers.preprocessing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The augmentation layers AugMix and RandAugment choose from, built as Keras builds them from one
 * {@code factor} (geometric factors, colour factors, Solarization's addition and threshold factors,
 * and {@code max(1, int(8 upper))} bits for RandomPosterization), one {@code value_range} and
 * {@code interpolation}. They work on channels-last images (the caller's are already so).
 */
final class AugmentationOps {
  private AugmentationOps() {}

  /**
   * The layers by Keras's attribute name, in {@code order}.
   *
   * @param order the Keras attribute names wanted, in order
   */
  static Map<String, ImageAugmentation> of(String[] order, FactorRange factor, ValueRange valueRange,
      String interpolation, Long seed) {
    Map<String, ImageAugmentation> all = new LinkedHashMap<>();
    all.put("random_shear", new RandomShear(factor, factor, interpolation, "reflect", 0, null, seed));
    all.put("random_translation", new RandomTranslation(factor.json(), factor.json(), "reflect", interpolation, seed,
        0, null));
    all.put("random_rotation", new RandomRotation(factor, "reflect", interpolation, seed, 0, null));
    all.put("random_brightness", new RandomBrightness(factor, valueRange, seed, null));
    all.put("random_color_degeneration", new RandomColorDegeneration(factor, valueRange, null, seed));
    all.put("random_contrast", new RandomContrast(factor, valueRange, seed, null));
    all.put("random_sharpness", new RandomSharpness(factor, valueRange, null, seed));
    int bits = Math.max(1, (int) (8 * factor.upper()));
    all.put("random_posterization", new RandomPosterization(new FactorRange(1, bits), valueRange, null, seed));
    all.put("solarization", new Solarization(factor, factor, valueRange, seed, null));
    all.put("auto_contrast", new AutoContrast(valueRange, null));
    all.put("equalization", new Equalization(valueRange, 256, null));
    Map<String, ImageAugmentation> out = new LinkedHashMap<>();
    for (String name : order) {
      out.put(name, all.get(name));
    }
    return out;
  }
}
