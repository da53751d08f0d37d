package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv3DTranspose}: kernel {@code [k1..k3, filters, in]}. */
public class Conv3DTranspose extends BaseConvTranspose<Conv3DTranspose> {
  public Conv3DTranspose(int filters, int... kernelSize) {
    super(3, filters, kernelSize);
  }

  public static Conv3DTranspose fromConfig(Config c) {
    return new Conv3DTranspose(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 3)).readTranspose(c);
  }
}
