package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code RandomColorJitter}: in training, {@link RandomBrightness}, {@link RandomContrast},
 * {@link RandomSaturation} and {@link RandomHue} in that order, each where its factor is set (with
 * that layer's factor semantics, the jitter's {@code value_range} and seed), drawing from the jitter's
 * seed generator. Identity in inference. The config keeps the factors as given.
 */
public class RandomColorJitter extends ImageAugmentation {
  private final JsonElement valueRangeJson;
  private final JsonElement[] factors;
  private final ImageAugmentation[] steps;

  /**
   * Keras's {@code RandomColorJitter}.
   *
   * @param valueRange the range of the pixel values
   * @param brightness the brightness factor (as {@code RandomBrightness}'s), or null for none
   * @param contrast the contrast factor (as {@code RandomContrast}'s), or null for none
   * @param saturation the saturation factor (as {@code RandomSaturation}'s), or null for none
   * @param hue the hue factor (as {@code RandomHue}'s), or null for none
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomColorJitter(ValueRange valueRange, JsonElement brightness, JsonElement contrast, JsonElement saturation,
      JsonElement hue, Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.valueRangeJson = valueRange.json();
    this.factors = new JsonElement[] {orNull(brightness), orNull(contrast), orNull(saturation), orNull(hue)};
    String n = className();
    this.steps = new ImageAugmentation[] {
        set(brightness) ? new RandomBrightness(FactorRange.of(n, "brightness_factor", brightness, -1, 1), valueRange,
            seed, null) : null,
        set(contrast) ? new RandomContrast(FactorRange.of(n, "contrast_factor", contrast, 0, 1), valueRange, seed,
            null) : null,
        set(saturation) ? new RandomSaturation(FactorRange.of(n, "saturation_factor", saturation, -1, 1), valueRange,
            null, seed) : null,
        set(hue) ? new RandomHue(FactorRange.of(n, "hue_factor", hue, 0, 1), valueRange, null, seed) : null};
    String[] attributes = {"random_brightness", "random_contrast", "random_saturation", "random_hue"};
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] != null) {
        track(attributes[i], steps[i]); // saved as Keras saves its attributes: a (variable-free) group each
      }
    }
  }

  private static boolean set(JsonElement e) {
    return e != null && !e.isJsonNull();
  }

  private static JsonElement orNull(JsonElement e) {
    return e == null ? JsonNull.INSTANCE : e.deepCopy();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    Tensor t = images;
    for (ImageAugmentation step : steps) {
      if (step != null) {
        t = step.augment(t, random);
      }
    }
    return t;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("value_range", valueRangeJson.deepCopy()).put("brightness_factor", factors[0])
        .put("contrast_factor", factors[1]).put("saturation_factor", factors[2]).put("hue_factor", factors[3])
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomColorJitter.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomColorJitter fromConfig(Config c) {
    return new RandomColorJitter(ValueRange.of("RandomColorJitter", c), get(c, "brightness_factor"),
        get(c, "contrast_factor"), get(c, "saturation_factor"), get(c, "hue_factor"), c.getLongOrNull("seed"),
        dataFormat(c)).withBaseConfig(c);
  }

  private static JsonElement get(Config c, String key) {
    return c.isSet(key) ? c.get(key) : null;
  }
}
