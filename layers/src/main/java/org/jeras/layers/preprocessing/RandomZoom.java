package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;

/**
 * Zooms each image about its center in training (Keras's {@code RandomZoom}): the sampled area
 * scales by {@code 1 + f} with {@code f} drawn from {@code height_factor} (and
 * {@code width_factor}; unset: the height's draw, keeping the aspect ratio), so positive factors
 * zoom out and negative ones in. A number {@code f} means {@code [-f, f]}, within (-1, 1].
 */
public class RandomZoom extends RandomAffine {
  private final JsonElement heightFactor;
  private final JsonElement widthFactor;
  private final FactorRange height;
  private final FactorRange width;

  /**
   * Keras's {@code RandomZoom}.
   *
   * @param heightFactor the vertical zoom as a fraction of the height: a number or a pair
   * @param widthFactor the horizontal zoom as a fraction of the width: a number, a pair, or null to keep the
   *     aspect ratio
   * @param fillMode how points outside the input are filled
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param seed the seed, or null for a drawn one
   * @param fillValue the value of points outside the input with {@code fill_mode="constant"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomZoom(JsonElement heightFactor, JsonElement widthFactor, String fillMode, String interpolation,
      Long seed, double fillValue, String dataFormat) {
    super(fillMode, interpolation, fillValue, dataFormat, seed);
    this.heightFactor = heightFactor;
    this.widthFactor = widthFactor == null ? JsonNull.INSTANCE : widthFactor;
    this.height = range("height_factor", heightFactor);
    this.width = this.widthFactor.isJsonNull() ? null : range("width_factor", widthFactor);
  }

  private FactorRange range(String key, JsonElement f) {
    FactorRange r = FactorRange.of(className(), key, f, -1, 1).withEndsIn(className(), key, f, -1, 1);
    if (r.lower() <= -1) {
      throw Args.invalid(className(), key, "factors in (-1, 1]", f);
    }
    return r;
  }

  @Override
  protected double[] transform(SplittableRandom random, long h, long w) {
    double zy = 1 + height.draw(random);
    double zx = width == null ? zy : 1 + width.draw(random);
    return new double[] {zx, 0, (w - 1) / 2.0 * (1 - zx), 0, zy, (h - 1) / 2.0 * (1 - zy)};
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("height_factor", heightFactor).put("width_factor", widthFactor)
        .put("fill_mode", fillMode).put("interpolation", interpolation).put("seed", seedConfig())
        .put("fill_value", fillValue);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomZoom.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomZoom fromConfig(Config c) {
    return new RandomZoom(c.get("height_factor"), c.getOrNull("width_factor"), c.getString("fill_mode", "reflect"),
        c.getString("interpolation", "bilinear"), c.getLongOrNull("seed"), c.getDouble("fill_value", 0.0),
        dataFormat(c)).withBaseConfig(c);
  }
}
