package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code SeparableConv1D}: depthwise then pointwise convolution over 1 spatial axes. */
public class SeparableConv1D extends BaseSeparableConv<SeparableConv1D> {
  public SeparableConv1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  public static SeparableConv1D fromConfig(Config c) {
    SeparableConv1D layer = new SeparableConv1D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 1));
    layer.depthMultiplier(c.getInt("depth_multiplier", 1));
    return layer.readCommon(c);
  }
}
