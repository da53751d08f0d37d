package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AveragePooling3D}: the average (excluding padding) of each window over 3 spatial axes. */
public class AveragePooling3D extends BasePooling<AveragePooling3D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public AveragePooling3D() {
    this(2);
  }

  public AveragePooling3D(int... poolSize) {
    super(3, false, poolSize);
  }

  public static AveragePooling3D fromConfig(Config c) {
    return new AveragePooling3D(c.isSet("pool_size") ? c.getInts("pool_size", 3) : new int[] {2}).readPooling(c);
  }
}
