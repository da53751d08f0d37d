package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code DepthwiseConv2D}: kernel {@code [k1..k2, in, depth_multiplier]}. */
public class DepthwiseConv2D extends BaseDepthwiseConv<DepthwiseConv2D> {
  /**
   * Keras's {@code DepthwiseConv2D(kernel_size)}; other arguments through the setters.
   *
   * @param kernelSize the window size: one int for both axes, or two
   */
  public DepthwiseConv2D(int... kernelSize) {
    super(2, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code DepthwiseConv2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static DepthwiseConv2D fromConfig(Config c) {
    DepthwiseConv2D layer = new DepthwiseConv2D(Spatial.tuple(c, "kernel_size", 2));
    layer.depthMultiplier(c.getInt("depth_multiplier", 1));
    return layer.readCommon(c);
  }
}
