package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv1DTranspose}: kernel {@code [k1..k1, filters, in]}. */
public class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {
  public Conv1DTranspose(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  public static Conv1DTranspose fromConfig(Config c) {
    return new Conv1DTranspose(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 1)).readTranspose(c);
  }
}
