package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AveragePooling2D}: the average (excluding padding) of each window over 2 spatial axes. */
public class AveragePooling2D extends BasePooling<AveragePooling2D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public AveragePooling2D() {
    this(2);
  }

  /**
   * Keras's {@code AveragePooling2D(pool_size)}; other arguments through the setters.
   *
   * @param poolSize the window size: one int for both axes, or two
   */
  public AveragePooling2D(int... poolSize) {
    super(2, false, poolSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AveragePooling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AveragePooling2D fromConfig(Config c) {
    return new AveragePooling2D(c.isSet("pool_size") ? c.getInts("pool_size", 2) : new int[] {2}).readPooling(c);
  }
}
