package org.jeras.layers.preprocessing;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Crops the central {@code height x width} window of images (Keras's {@code CenterCrop}); the
 * window starts at {@code (size - target) // 2}. An image smaller than the target along either axis
 * is instead cropped to the target aspect ratio and resized bilinearly (Keras's
 * {@code smart_resize}).
 */
public class CenterCrop extends Layer {
  private final int height;
  private final int width;
  private final String dataFormat;

  /**
   * Keras's {@code CenterCrop(height, width)}, channels last.
   *
   * @param height the output height
   * @param width the output width
   */
  public CenterCrop(int height, int width) {
    this(height, width, "channels_last");
  }

  /**
   * Keras's {@code CenterCrop(height, width, data_format)}.
   *
   * @param height the output height
   * @param width the output width
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public CenterCrop(int height, int width, String dataFormat) {
    this.height = Args.positive(className(), "height", height);
    this.width = Args.positive(className(), "width", width);
    this.dataFormat = dataFormat;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor in = MathOps.cast(x, computeDtype());
    boolean cf = "channels_first".equals(dataFormat);
    int hAxis = in.rank() - (cf ? 2 : 3);
    int wAxis = hAxis + 1;
    long h = in.shape().get(hAxis);
    long w = in.shape().get(wAxis);
    if (h < height || w < width) {
      return ImageResize.resize(in, height, width, "bilinear", ImageResize.Fit.CROP, 0.0, cf);
    }
    long top = (h - height) / 2;
    long left = (w - width) / 2;
    return ArrayOps.slice(ArrayOps.slice(in, hAxis, top, top + height), wAxis, left, left + width);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("data_format", dataFormat).put("height", height).put("width", width);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code CenterCrop.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static CenterCrop fromConfig(Config c) {
    return new CenterCrop(c.getInt("height"), c.getInt("width"), c.getString("data_format", "channels_last"))
        .withBaseConfig(c);
  }
}
