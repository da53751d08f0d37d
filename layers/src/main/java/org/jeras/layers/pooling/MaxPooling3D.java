package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code MaxPooling3D}: the maximum of each window over 3 spatial axes. */
public class MaxPooling3D extends BasePooling<MaxPooling3D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public MaxPooling3D() {
    this(2);
  }

  public MaxPooling3D(int... poolSize) {
    super(3, true, poolSize);
  }

  public static MaxPooling3D fromConfig(Config c) {
    return new MaxPooling3D(c.isSet("pool_size") ? c.getInts("pool_size", 3) : new int[] {2}).readPooling(c);
  }
}
