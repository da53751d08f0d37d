package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;

/**
 * Shears each image in training (Keras's {@code RandomShear}): the input point of output
 * {@code (x, y)} is {@code (x + sx y, y + sy x)} with {@code sx}, {@code sy} drawn from
 * {@code x_factor} and {@code y_factor} (a number {@code f} in [0, 1] means {@code [-f, f]}), both
 * negated on a fair coin.
 */
public class RandomShear extends RandomAffine {
  private final FactorRange xFactor;
  private final FactorRange yFactor;

  /**
   * Keras's {@code RandomShear}.
   *
   * @param xFactor the range of the horizontal shear
   * @param yFactor the range of the vertical shear
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param fillMode how points outside the input are filled
   * @param fillValue the value of points outside the input with {@code fill_mode="constant"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomShear(FactorRange xFactor, FactorRange yFactor, String interpolation, String fillMode,
      double fillValue, String dataFormat, Long seed) {
    super(fillMode, interpolation, fillValue, dataFormat, seed);
    this.xFactor = xFactor;
    this.yFactor = yFactor;
  }

  /**
   * Keras's shear factor: a number {@code f} in [0, 1] is {@code [-f, f]}; a pair's ends lie in
   * [-1, 1]. (Keras 3.16 writes {@code [-f, f]} to its config and then refuses the negative end
   * when loading; Jeras reads what Keras writes.)
   */
  static FactorRange factor(String key, JsonElement value) {
    FactorRange r = FactorRange.of("RandomShear", key, value, -1, 1).withEndsIn("RandomShear", key, value, -1, 1);
    if (!value.isJsonArray() && value.getAsDouble() < 0) {
      throw Args.invalid("RandomShear", key, "a number in [0, 1] or a pair in [-1, 1]", value);
    }
    return r;
  }

  @Override
  protected double[] transform(SplittableRandom random, long height, long width) {
    double sign = random.nextDouble() > 0.5 ? -1 : 1;
    double sy = yFactor.draw(random) * sign;
    double sx = xFactor.draw(random) * sign;
    return new double[] {1, sx, 0, sy, 1, 0};
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("x_factor", xFactor.json()).put("y_factor", yFactor.json())
        .put("fill_mode", fillMode).put("interpolation", interpolation).put("seed", seedConfig())
        .put("fill_value", fillValue);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomShear.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomShear fromConfig(Config c) {
    JsonElement zero = new JsonPrimitive(0.0);
    return new RandomShear(factor("x_factor", c.isSet("x_factor") ? c.get("x_factor") : zero),
        factor("y_factor", c.isSet("y_factor") ? c.get("y_factor") : zero), c.getString("interpolation", "bilinear"),
        c.getString("fill_mode", "reflect"), c.getDouble("fill_value", 0.0), dataFormat(c), c.getLongOrNull("seed"))
        .withBaseConfig(c);
  }
}
