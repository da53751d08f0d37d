package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.tensor.Tensor;

/**
 * The geometric augmentation layers (rotation, zoom, translation, shear): each image is resampled
 * through a random affine map ({@link AffineWarp}) with the layer's {@code fill_mode},
 * {@code interpolation} and {@code fill_value}.
 */
public abstract class RandomAffine extends ImageAugmentation {
  /** Keras's {@code fill_mode}: how points outside the input are filled. */
  protected final String fillMode;
  /** Keras's {@code interpolation}: {@code "bilinear"} or {@code "nearest"}. */
  protected final String interpolation;
  /** The value of points outside the input with {@code fill_mode="constant"}. */
  protected final double fillValue;

  /**
   * A random geometric transform of images.
   *
   * @param fillMode how points outside the input are filled
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param fillValue the value of points outside the input with {@code fill_mode="constant"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  protected RandomAffine(String fillMode, String interpolation, double fillValue, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.fillMode = AffineWarp.check(className(), "fill_mode", fillMode, AffineWarp.FILL_MODES);
    this.interpolation = AffineWarp.check(className(), "interpolation", interpolation, AffineWarp.INTERPOLATIONS);
    this.fillValue = fillValue;
  }

  /**
   * The map of one image of {@code height x width}: {@code [a0, a1, a2, b0, b1, b2]} taking output
   * (column, row) to the input point it samples.
   *
   * @param random the call's random stream
   * @param height the image height
   * @param width the image width
   * @return the six coefficients
   */
  protected abstract double[] transform(SplittableRandom random, long height, long width);

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    long[] s = images.shape().dims();
    double[][] transforms = new double[(int) s[0]][];
    for (int i = 0; i < transforms.length; i++) {
      transforms[i] = transform(random, s[1], s[2]);
    }
    return AffineWarp.apply(images, transforms, interpolation, fillMode, fillValue);
  }
}
