package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code MaxPooling3D}: the maximum of each window over 3 spatial axes. */
public class MaxPooling3D extends BasePooling<MaxPooling3D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public MaxPooling3D() {
    this(2);
  }

  /**
   * Keras's {@code MaxPooling3D(pool_size)}; other arguments through the setters.
   *
   * @param poolSize the window size: one int for all axes, or three
   */
  public MaxPooling3D(int... poolSize) {
    super(3, true, poolSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MaxPooling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MaxPooling3D fromConfig(Config c) {
    return new MaxPooling3D(c.isSet("pool_size") ? c.getInts("pool_size", 3) : new int[] {2}).readPooling(c);
  }
}
