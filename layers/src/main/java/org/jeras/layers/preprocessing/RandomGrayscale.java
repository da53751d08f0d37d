package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns each RGB image to grayscale with probability {@code factor} in training (Keras's
 * {@code RandomGrayscale}): every channel becomes {@code 0.2989 r + 0.587 g + 0.114 b}. Keras does
 * not save its seed, so neither does Jeras.
 */
public class RandomGrayscale extends ImageAugmentation {
  private final double factor;

  /**
   * Keras's {@code RandomGrayscale(factor, data_format)}.
   *
   * @param factor the probability of turning an image to grayscale
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomGrayscale(double factor, String dataFormat) {
    super(dataFormat, null);
    if (!(factor >= 0 && factor <= 1)) {
      throw Args.invalid(className(), "factor", "a probability in [0, 1]", factor);
    }
    this.factor = factor;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    double[] apply = new double[(int) images.shape().get(0)];
    for (int i = 0; i < apply.length; i++) {
      apply[i] = random.nextDouble() < factor ? 1 : 0;
    }
    Tensor gray = gray(this, images);
    Tensor on = RandomContrast.perImage(apply, images);
    return MathOps.add(MathOps.mul(gray, on), MathOps.mul(images, MathOps.rsub(1.0, on)));
  }

  /**
   * Keras's {@code rgb_to_grayscale} of channels-last images: {@code 0.2989 r + 0.587 g + 0.114 b}
   * with one channel, which broadcasts over the images' three.
   */
  static Tensor gray(ImageAugmentation layer, Tensor images) {
    if (images.shape().get(3) != 3) {
      throw new IncompatibleInputException("Layer '" + layer.name() + "' (" + layer.className()
          + ") expects 3 (RGB) channels, got shape " + images.shape());
    }
    Tensor weights = Tensor.of(Nd4j.createFromArray(0.2989, 0.5870, 0.1140).reshape(3, 1)
        .castTo(images.value().dataType()));
    return LinalgOps.matmul(images, weights);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomGrayscale.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomGrayscale fromConfig(Config c) {
    return new RandomGrayscale(c.getDouble("factor", 0.5), dataFormat(c)).withBaseConfig(c);
  }
}
