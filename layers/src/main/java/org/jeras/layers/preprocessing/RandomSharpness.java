package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Sharpens or blurs each image in training (Keras's {@code RandomSharpness}): with {@code s} twice a
 * draw from {@code factor} (a number {@code f} in [0, 1] means {@code [0, f]}), the image becomes
 * {@code x + (1 - s) (smooth(x) - x)}, clipped to {@code value_range}; {@code smooth} is the 3x3
 * kernel {@code [1 1 1; 1 5 1; 1 1 1] / 13} per channel with zero padding.
 */
public class RandomSharpness extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  public RandomSharpness(FactorRange factor, ValueRange valueRange, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    double[] s = new double[(int) images.shape().get(0)];
    for (int i = 0; i < s.length; i++) {
      s[i] = factor.draw(random) * 2;
    }
    long h = images.shape().get(1);
    long w = images.shape().get(2);
    Tensor padded = ArrayOps.pad(images, new long[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}, 0.0);
    Tensor smooth = null;
    for (int dy = 0; dy < 3; dy++) {
      for (int dx = 0; dx < 3; dx++) {
        Tensor window = ArrayOps.slice(ArrayOps.slice(padded, 1, dy, dy + h), 2, dx, dx + w);
        Tensor term = MathOps.mul(window, (dy == 1 && dx == 1 ? 5.0 : 1.0) / 13.0);
        smooth = smooth == null ? term : MathOps.add(smooth, term);
      }
    }
    double[] keep = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      keep[i] = 1 - s[i];
    }
    Tensor out = MathOps.add(images, MathOps.mul(RandomContrast.perImage(keep, images), MathOps.sub(smooth, images)));
    return MathOps.clip(out, valueRange.low(), valueRange.high());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  public static RandomSharpness fromConfig(Config c) {
    return new RandomSharpness(FactorRange.of("RandomSharpness", "factor", c.get("factor"), 0, 1),
        ValueRange.of("RandomSharpness", c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
