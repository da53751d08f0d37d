package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Erases a random rectangle of each image in training (Keras's {@code RandomErasing}), with a
 * probability drawn uniformly from {@code factor} (a number {@code f} in [0, 1] means
 * {@code [0, f]}). The rectangle's width and height are {@code sqrt} of draws from {@code scale}
 * times the image's, at a uniform position; it is filled with {@code fill_value} (a number, or one
 * per RGB channel) or, when that is unset, with normal noise times {@code value_range[1]}; the fill
 * is clipped to {@code value_range}.
 */
public class RandomErasing extends ImageAugmentation {
  private final FactorRange factor;
  private final FactorRange scale;
  private final JsonElement fillValue;
  private final double[] fill;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomErasing}.
   *
   * @param factor the range of the probability of erasing
   * @param scale the range of the erased area, as a fraction of the image
   * @param fillValue the fill value (a number or one per RGB channel), or JSON null for noise
   * @param valueRange the range of the pixel values
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomErasing(FactorRange factor, FactorRange scale, JsonElement fillValue, ValueRange valueRange,
      Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.factor = factor;
    this.scale = scale;
    this.fillValue = fillValue == null ? JsonNull.INSTANCE : fillValue;
    this.valueRange = valueRange;
    if (this.fillValue.isJsonNull()) {
      fill = null;
    } else if (this.fillValue.isJsonArray() && this.fillValue.getAsJsonArray().size() == 3) {
      JsonArray a = this.fillValue.getAsJsonArray();
      fill = new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble()};
    } else if (this.fillValue.isJsonPrimitive() && this.fillValue.getAsJsonPrimitive().isNumber()) {
      fill = new double[] {this.fillValue.getAsDouble()};
    } else {
      throw Args.invalid(className(), "fill_value", "a number, three numbers or None", fillValue);
    }
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    long[] s = images.shape().dims();
    int n = (int) s[0];
    int h = (int) s[1];
    int w = (int) s[2];
    int c = (int) s[3];
    if (fill != null && fill.length == 3 && c != 3) {
      throw new IncompatibleInputException("Layer '" + name()
          + "' (RandomErasing): fill_value has 3 values but the images have " + c + " channels");
    }
    double[] fx = new double[n];
    double[] fy = new double[n];
    for (int i = 0; i < n; i++) {
      fx[i] = Math.sqrt(scale.draw(random));
      fy[i] = Math.sqrt(scale.draw(random));
    }
    double[][] box = new double[n][4];
    for (int i = 0; i < n; i++) {
      double len = fx[i] * w;
      box[i][0] = random.nextDouble() * (w - len);
      box[i][1] = box[i][0] + len;
    }
    for (int i = 0; i < n; i++) {
      double len = fy[i] * h;
      box[i][2] = random.nextDouble() * (h - len);
      box[i][3] = box[i][2] + len;
    }
    double[] apply = drawApplied(factor, n, random);
    ValueRange r = valueRange.sorted();
    double[] mask = new double[n * h * w * c];
    double[] values = new double[mask.length];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          boolean inside = apply[i] == 1 && x >= box[i][0] && x < box[i][1] && y >= box[i][2] && y < box[i][3];
          for (int ch = 0; ch < c; ch++) {
            int k = ((i * h + y) * w + x) * c + ch;
            double v = fill == null ? random.nextGaussian() * valueRange.high() : fill[fill.length == 3 ? ch : 0];
            values[k] = Math.max(r.low(), Math.min(r.high(), v));
            mask[k] = inside ? 1 : 0;
          }
        }
      }
    }
    Tensor m = Tensor.of(array(mask, s, images));
    Tensor f = Tensor.of(array(values, s, images));
    return MathOps.add(MathOps.mul(images, MathOps.rsub(1.0, m)), MathOps.mul(f, m));
  }

  private static INDArray array(double[] data, long[] shape, Tensor like) {
    return Nd4j.createFromArray(data).reshape(shape).castTo(like.value().dataType());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("scale", scale.json()).put("fill_value", fillValue)
        .put("value_range", valueRange.json()).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomErasing.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomErasing fromConfig(Config c) {
    String owner = "RandomErasing";
    FactorRange f = c.isSet("factor") ? FactorRange.of(owner, "factor", c.get("factor"), 0, 1) : new FactorRange(0, 1);
    FactorRange s = c.isSet("scale") ? FactorRange.of(owner, "scale", c.get("scale"), 0, 1)
        : new FactorRange(0.02, 0.33);
    return new RandomErasing(f, s, c.getOrNull("fill_value"), ValueRange.of(owner, c), c.getLongOrNull("seed"),
        dataFormat(c)).withBaseConfig(c);
  }
}
