package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AveragePooling3D}: the average (excluding padding) of each window over 3 spatial axes. */
public class AveragePooling3D extends BasePooling<AveragePooling3D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public AveragePooling3D() {
    this(2);
  }

  /**
   * Keras's {@code AveragePooling3D(pool_size)}; other arguments through the setters.
   *
   * @param poolSize the window size: one int for all axes, or three
   */
  public AveragePooling3D(int... poolSize) {
    super(3, false, poolSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AveragePooling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AveragePooling3D fromConfig(Config c) {
    return new AveragePooling3D(c.isSet("pool_size") ? c.getInts("pool_size", 3) : new int[] {2}).readPooling(c);
  }
}
