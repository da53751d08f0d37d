package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code DepthwiseConv1D}: kernel {@code [k1..k1, in, depth_multiplier]}. */
public class DepthwiseConv1D extends BaseDepthwiseConv<DepthwiseConv1D> {
  /**
   * Keras's {@code DepthwiseConv1D(kernel_size)}; other arguments through the setters.
   *
   * @param kernelSize the window size
   */
  public DepthwiseConv1D(int... kernelSize) {
    super(1, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code DepthwiseConv1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static DepthwiseConv1D fromConfig(Config c) {
    DepthwiseConv1D layer = new DepthwiseConv1D(Spatial.tuple(c, "kernel_size", 1));
    layer.depthMultiplier(c.getInt("depth_multiplier", 1));
    return layer.readCommon(c);
  }
}
