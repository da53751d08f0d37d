package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv2DTranspose}: kernel {@code [k1..k2, filters, in]}. */
public class Conv2DTranspose extends BaseConvTranspose<Conv2DTranspose> {
  /**
   * Keras's {@code Conv2DTranspose(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size: one int for both axes, or two
   */
  public Conv2DTranspose(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Conv2DTranspose.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Conv2DTranspose fromConfig(Config c) {
    return new Conv2DTranspose(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 2)).readTranspose(c);
  }
}
