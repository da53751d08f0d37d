package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code SeparableConv2D}: depthwise then pointwise convolution over 2 spatial axes. */
public class SeparableConv2D extends BaseSeparableConv<SeparableConv2D> {
  /**
   * Keras's {@code SeparableConv2D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size: one int for both axes, or two
   */
  public SeparableConv2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SeparableConv2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SeparableConv2D fromConfig(Config c) {
    SeparableConv2D layer = new SeparableConv2D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 2));
    layer.depthMultiplier(c.getInt("depth_multiplier", 1));
    return layer.readCommon(c);
  }
}
