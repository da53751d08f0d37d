package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv1DTranspose}: kernel {@code [k1..k1, filters, in]}. */
public class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {
  /**
   * Keras's {@code Conv1DTranspose(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size
   */
  public Conv1DTranspose(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Conv1DTranspose.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Conv1DTranspose fromConfig(Config c) {
    return new Conv1DTranspose(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 1)).readTranspose(c);
  }
}
