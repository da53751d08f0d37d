package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv2D}: kernel {@code [kh, kw, in/groups, filters]}. */
public class Conv2D extends BaseConv<Conv2D> {
  public Conv2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  public static Conv2D fromConfig(Config c) {
    return new Conv2D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 2)).readConv(c);
  }
}
