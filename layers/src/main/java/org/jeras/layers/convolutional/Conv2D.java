package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv2D}: kernel {@code [kh, kw, in/groups, filters]}. */
public class Conv2D extends BaseConv<Conv2D> {
  /**
   * Keras's {@code Conv2D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size: one int for both axes, or two
   */
  public Conv2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Conv2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Conv2D fromConfig(Config c) {
    return new Conv2D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 2)).readConv(c);
  }
}
