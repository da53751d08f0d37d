package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv3D}: kernel {@code [kd, kh, kw, in/groups, filters]}. */
public class Conv3D extends BaseConv<Conv3D> {
  public Conv3D(int filters, int... kernelSize) {
    super(3, filters, kernelSize);
  }

  public static Conv3D fromConfig(Config c) {
    return new Conv3D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 3)).readConv(c);
  }
}
