package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code SeparableConv1D}: depthwise then pointwise convolution over 1 spatial axes. */
public class SeparableConv1D extends BaseSeparableConv<SeparableConv1D> {
  /**
   * Keras's {@code SeparableConv1D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size
   */
  public SeparableConv1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SeparableConv1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SeparableConv1D fromConfig(Config c) {
    SeparableConv1D layer = new SeparableConv1D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 1));
    layer.depthMultiplier(c.getInt("depth_multiplier", 1));
    return layer.readCommon(c);
  }
}
