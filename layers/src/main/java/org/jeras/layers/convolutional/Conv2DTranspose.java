package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv2DTranspose}: kernel {@code [k1..k2, filters, in]}. */
public class Conv2DTranspose extends BaseConvTranspose<Conv2DTranspose> {
  public Conv2DTranspose(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  public static Conv2DTranspose fromConfig(Config c) {
    return new Conv2DTranspose(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 2)).readTranspose(c);
  }
}
