package org.jeras.layers.preprocessing;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Resizes images to {@code height x width} (Keras's {@code Resizing}), optionally center-cropping
 * ({@code crop_to_aspect_ratio}) or padding with {@code fill_value} ({@code pad_to_aspect_ratio})
 * to the target aspect ratio first. Interpolation: {@code bilinear} (default) or {@code nearest};
 * {@code antialias} is not supported (Keras's default is false).
 */
public class Resizing extends Layer {
  private final int height;
  private final int width;
  private final String interpolation;
  private final boolean cropToAspectRatio;
  private final boolean padToAspectRatio;
  private final String fillMode;
  private final double fillValue;
  private final String dataFormat;

  /**
   * Keras's {@code Resizing(height, width)}: bilinear, channels last.
   *
   * @param height the output height
   * @param width the output width
   */
  public Resizing(int height, int width) {
    this(height, width, "bilinear", false, false, "constant", 0.0, "channels_last");
  }

  /**
   * Keras's {@code Resizing}.
   *
   * @param height the output height
   * @param width the output width
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param cropToAspectRatio whether to crop to the output's aspect ratio first
   * @param padToAspectRatio whether to pad to the output's aspect ratio first
   * @param fillMode how the padding is filled
   * @param fillValue the padding value
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public Resizing(int height, int width, String interpolation, boolean cropToAspectRatio, boolean padToAspectRatio,
      String fillMode, double fillValue, String dataFormat) {
    if (!interpolation.equals("bilinear") && !interpolation.equals("nearest")) {
      throw new ConfigException("Resizing 'interpolation' " + interpolation + " is not supported (bilinear, nearest)");
    }
    if (cropToAspectRatio && padToAspectRatio) {
      throw new ConfigException("Resizing: only one of 'pad_to_aspect_ratio' and 'crop_to_aspect_ratio' can be true");
    }
    if (!fillMode.equals("constant")) {
      throw new ConfigException("Resizing 'fill_mode' must be 'constant', got " + fillMode);
    }
    this.height = Args.positive(className(), "height", height);
    this.width = Args.positive(className(), "width", width);
    this.interpolation = interpolation;
    this.cropToAspectRatio = cropToAspectRatio;
    this.padToAspectRatio = padToAspectRatio;
    this.fillMode = fillMode;
    this.fillValue = Args.finite(className(), "fill_value", fillValue);
    this.dataFormat = dataFormat;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    ImageResize.Fit fit = cropToAspectRatio ? ImageResize.Fit.CROP
        : padToAspectRatio ? ImageResize.Fit.PAD : ImageResize.Fit.STRETCH;
    Tensor out = ImageResize.resize(MathOps.cast(x, computeDtype()), height, width, interpolation, fit, fillValue,
        "channels_first".equals(dataFormat));
    if (x.dtype().isFloating() || x.dtype() == DType.STRING) {
      return out;
    }
    // Integer images come back in their own dtype, rounded and saturated, as Keras does.
    DataType dt = x.value().dataType();
    double lo = dt == DataType.UBYTE ? 0 : dt == DataType.BYTE ? -128
        : dt == DataType.SHORT ? Short.MIN_VALUE : Integer.MIN_VALUE;
    double hi = dt == DataType.UBYTE ? 255 : dt == DataType.BYTE ? 127
        : dt == DataType.SHORT ? Short.MAX_VALUE : Integer.MAX_VALUE;
    INDArray rounded = Transforms.round(out.value().castTo(DataType.DOUBLE), true);
    return Tensor.of(Transforms.min(Transforms.max(rounded, lo, false), hi, false).castTo(dt));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("data_format", dataFormat).put("height", height).put("width", width).put("interpolation", interpolation)
        .put("crop_to_aspect_ratio", cropToAspectRatio).put("pad_to_aspect_ratio", padToAspectRatio)
        .put("fill_mode", fillMode).put("fill_value", fillValue).put("antialias", false);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Resizing.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Resizing fromConfig(Config c) {
    if (c.getBoolean("antialias", false)) {
      throw new ConfigException("Resizing 'antialias': true is not supported by Jeras");
    }
    return new Resizing(c.getInt("height"), c.getInt("width"), c.getString("interpolation", "bilinear"),
        c.getBoolean("crop_to_aspect_ratio", false), c.getBoolean("pad_to_aspect_ratio", false),
        c.getString("fill_mode", "constant"), c.getDouble("fill_value", 0.0),
        c.getString("data_format", "channels_last")).withBaseConfig(c);
  }
}
