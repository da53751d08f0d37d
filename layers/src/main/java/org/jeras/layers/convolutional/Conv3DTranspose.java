package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv3DTranspose}: kernel {@code [k1..k3, filters, in]}. */
public class Conv3DTranspose extends BaseConvTranspose<Conv3DTranspose> {
  /**
   * Keras's {@code Conv3DTranspose(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size: one int for all axes, or three
   */
  public Conv3DTranspose(int filters, int... kernelSize) {
    super(3, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Conv3DTranspose.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Conv3DTranspose fromConfig(Config c) {
    return new Conv3DTranspose(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 3)).readTranspose(c);
  }
}
