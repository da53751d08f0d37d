package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code SeparableConv2D}: depthwise then pointwise convolution over 2 spatial axes. */
public class SeparableConv2D extends BaseSeparableConv<SeparableConv2D> {
  public SeparableConv2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  public static SeparableConv2D fromConfig(Config c) {
    SeparableConv2D layer = new SeparableConv2D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 2));
    layer.depthMultiplier(c.getInt("depth_multiplier", 1));
    return layer.readCommon(c);
  }
}
