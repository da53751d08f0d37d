package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.tensor.Tensor;

/**
 * Flips each image with probability 1/2 in training (Keras's {@code RandomFlip}):
 * left-right ({@code horizontal}), top-bottom ({@code vertical}) or, on one draw, both
 * ({@code horizontal_and_vertical}).
 */
public class RandomFlip extends ImageAugmentation {
  private final String mode;

  /**
   * Keras's {@code RandomFlip(mode, seed, data_format)}.
   *
   * @param mode {@code "horizontal"}, {@code "vertical"} or {@code "horizontal_and_vertical"}
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomFlip(String mode, Long seed, String dataFormat) {
    super(dataFormat, seed);
    if (!mode.equals("horizontal") && !mode.equals("vertical") && !mode.equals("horizontal_and_vertical")) {
      throw Args.invalid(className(), "mode", "'horizontal', 'vertical' or 'horizontal_and_vertical'", mode);
    }
    this.mode = mode;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    long[] s = images.shape().dims();
    double[][] transforms = new double[(int) s[0]][];
    boolean horizontal = !mode.equals("vertical");
    boolean vertical = !mode.equals("horizontal");
    for (int i = 0; i < transforms.length; i++) {
      boolean flip = random.nextDouble() <= 0.5;
      boolean h = flip && horizontal;
      boolean v = flip && vertical;
      transforms[i] = new double[] {h ? -1 : 1, 0, h ? s[2] - 1 : 0, 0, v ? -1 : 1, v ? s[1] - 1 : 0};
    }
    return AffineWarp.apply(images, transforms, "nearest", "nearest", 0);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("seed", seedConfig()).put("mode", mode);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomFlip.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomFlip fromConfig(Config c) {
    return new RandomFlip(c.getString("mode", "horizontal_and_vertical"), c.getLongOrNull("seed"), dataFormat(c))
        .withBaseConfig(c);
  }
}
