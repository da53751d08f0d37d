package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;

/**
 * Rotates each image about its center in training by an angle drawn uniformly from
 * {@code factor * 360} degrees (Keras's {@code RandomRotation}; {@code factor} a number {@code f}
 * means {@code [-f, f]}, positive counter-clockwise).
 */
public class RandomRotation extends RandomAffine {
  private final FactorRange factor;

  /**
   * Keras's {@code RandomRotation(factor)}: rotations in [-factor, factor] turns.
   *
   * @param factor the largest rotation, a fraction of a full turn
   */
  public RandomRotation(double factor) {
    this(FactorRange.of("RandomRotation", "factor", factor, -1, 1), "reflect", "bilinear", null, 0.0, null);
  }

  /**
   * Keras's {@code RandomRotation}.
   *
   * @param factor the range of the rotation, as fractions of a full turn
   * @param fillMode how points outside the input are filled
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param seed the seed, or null for a drawn one
   * @param fillValue the value of points outside the input with {@code fill_mode="constant"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomRotation(FactorRange factor, String fillMode, String interpolation, Long seed, double fillValue,
      String dataFormat) {
    super(fillMode, interpolation, fillValue, dataFormat, seed);
    this.factor = factor;
  }

  @Override
  protected double[] transform(SplittableRandom random, long height, long width) {
    double angle = Math.toRadians(factor.draw(random) * 360.0);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    // The input point of output (x, y): its offset from the center turned by the angle (rows run
    // down, so this turns the content counter-clockwise on screen, as np.rot90 does at 90 degrees).
    return new double[] {cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy};
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("fill_mode", fillMode).put("fill_value", fillValue)
        .put("interpolation", interpolation).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomRotation.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomRotation fromConfig(Config c) {
    JsonElement f = c.get("factor");
    return new RandomRotation(FactorRange.of("RandomRotation", "factor", f, -1, 1), c.getString("fill_mode", "reflect"),
        c.getString("interpolation", "bilinear"), c.getLongOrNull("seed"), c.getDouble("fill_value", 0.0),
        dataFormat(c)).withBaseConfig(c);
  }
}
