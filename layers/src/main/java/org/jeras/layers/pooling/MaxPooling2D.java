package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code MaxPooling2D}: the maximum of each window over 2 spatial axes. */
public class MaxPooling2D extends BasePooling<MaxPooling2D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public MaxPooling2D() {
    this(2);
  }

  /**
   * Keras's {@code MaxPooling2D(pool_size)}; other arguments through the setters.
   *
   * @param poolSize the window size: one int for both axes, or two
   */
  public MaxPooling2D(int... poolSize) {
    super(2, true, poolSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MaxPooling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MaxPooling2D fromConfig(Config c) {
    return new MaxPooling2D(c.isSet("pool_size") ? c.getInts("pool_size", 2) : new int[] {2}).readPooling(c);
  }
}
