package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;

/**
 * Shifts each image in training by fractions of its height and width drawn from
 * {@code height_factor} and {@code width_factor} (Keras's {@code RandomTranslation}; a number
 * {@code f} means {@code [-f, f]}, within [-1, 1]; positive moves the content down / right).
 */
public class RandomTranslation extends RandomAffine {
  private final JsonElement heightFactor;
  private final JsonElement widthFactor;
  private final FactorRange height;
  private final FactorRange width;

  /**
   * Keras's {@code RandomTranslation}.
   *
   * @param heightFactor the vertical shift as a fraction of the height: a number or a pair
   * @param widthFactor the horizontal shift as a fraction of the width: a number or a pair
   * @param fillMode how points outside the input are filled
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param seed the seed, or null for a drawn one
   * @param fillValue the value of points outside the input with {@code fill_mode="constant"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomTranslation(JsonElement heightFactor, JsonElement widthFactor, String fillMode, String interpolation,
      Long seed, double fillValue, String dataFormat) {
    super(fillMode, interpolation, fillValue, dataFormat, seed);
    this.heightFactor = heightFactor;
    this.widthFactor = widthFactor;
    this.height = FactorRange.of(className(), "height_factor", heightFactor, -1, 1)
        .withEndsIn(className(), "height_factor", heightFactor, -1, 1);
    this.width = FactorRange.of(className(), "width_factor", widthFactor, -1, 1)
        .withEndsIn(className(), "width_factor", widthFactor, -1, 1);
  }

  @Override
  protected double[] transform(SplittableRandom random, long h, long w) {
    double dy = height.draw(random) * h;
    double dx = width.draw(random) * w;
    return new double[] {1, 0, -dx, 0, 1, -dy};
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("height_factor", heightFactor).put("width_factor", widthFactor)
        .put("fill_mode", fillMode).put("interpolation", interpolation).put("seed", seedConfig())
        .put("fill_value", fillValue);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomTranslation.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomTranslation fromConfig(Config c) {
    return new RandomTranslation(c.get("height_factor"), c.get("width_factor"), c.getString("fill_mode", "reflect"),
        c.getString("interpolation", "bilinear"), c.getLongOrNull("seed"), c.getDouble("fill_value", 0.0),
        dataFormat(c)).withBaseConfig(c);
  }
}
