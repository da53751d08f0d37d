package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AveragePooling1D}: the average (excluding padding) of each window over 1 spatial axes. */
public class AveragePooling1D extends BasePooling<AveragePooling1D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public AveragePooling1D() {
    this(2);
  }

  /**
   * Keras's {@code AveragePooling1D(pool_size)}; other arguments through the setters.
   *
   * @param poolSize the window size
   */
  public AveragePooling1D(int... poolSize) {
    super(1, false, poolSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AveragePooling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AveragePooling1D fromConfig(Config c) {
    return new AveragePooling1D(c.isSet("pool_size") ? c.getInts("pool_size", 1) : new int[] {2}).readPooling(c);
  }
}
