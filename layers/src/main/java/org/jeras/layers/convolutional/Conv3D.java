package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv3D}: kernel {@code [kd, kh, kw, in/groups, filters]}. */
public class Conv3D extends BaseConv<Conv3D> {
  /**
   * Keras's {@code Conv3D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size: one int for all axes, or three
   */
  public Conv3D(int filters, int... kernelSize) {
    super(3, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Conv3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Conv3D fromConfig(Config c) {
    return new Conv3D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 3)).readConv(c);
  }
}
