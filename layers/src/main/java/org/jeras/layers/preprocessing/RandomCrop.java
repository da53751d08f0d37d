package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Crops a random {@code height x width} window of the batch in training (Keras 3's
 * {@code RandomCrop}; one window for the whole batch). Images not larger than the target on both
 * axes are instead cut to the target's aspect ratio about their center and resized bilinearly.
 * In inference the images pass through uncropped, as in Keras 3.16, although the layer's symbolic
 * output shape is the target's. A seed left unset is drawn at construction and kept in the
 * config, as Keras does.
 */
public class RandomCrop extends ImageAugmentation {
  private final int height;
  private final int width;

  /**
   * Keras's {@code RandomCrop(height, width, seed, data_format)}.
   *
   * @param height the output height
   * @param width the output width
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomCrop(int height, int width, Long seed, String dataFormat) {
    super(dataFormat, seed == null ? Seeds.makeDefaultSeed() : seed);
    this.height = Args.positive(className(), "height", height);
    this.width = Args.positive(className(), "width", width);
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    long h = images.shape().get(1);
    long w = images.shape().get(2);
    long top;
    long left;
    if (h > height && w > width) {
      top = (long) (random.nextDouble() * (h - height + 1));
      left = (long) (random.nextDouble() * (w - width + 1));
    } else {
      long cropH = Math.max(Math.min(h, (long) ((double) (w * height) / width)), 1);
      long cropW = Math.max(Math.min(w, (long) ((double) (h * width) / height)), 1);
      top = (long) ((double) (h - cropH) / 2);
      left = (long) ((double) (w - cropW) / 2);
    }
    // As Keras: a window of the target's size from there, cut short by the image's edge.
    Tensor t = ArrayOps.slice(images, 1, top, Math.min(h, top + height));
    t = ArrayOps.slice(t, 2, left, Math.min(w, left + width));
    if (t.shape().get(1) != height || t.shape().get(2) != width) {
      t = ImageResize.resize(t, height, width, "bilinear", ImageResize.Fit.STRETCH, 0.0, false);
    }
    return t;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    long[] d = inputShape.dims();
    int hAxis = d.length - (channelsFirst() ? 2 : 3);
    d[hAxis] = height;
    d[hAxis + 1] = width;
    return Shape.of(d);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("height", height).put("width", width).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomCrop.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomCrop fromConfig(Config c) {
    return new RandomCrop(c.getInt("height"), c.getInt("width"), c.getLongOrNull("seed"), dataFormat(c))
        .withBaseConfig(c);
  }
}
