package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code MaxPooling1D}: the maximum of each window over 1 spatial axes. */
public class MaxPooling1D extends BasePooling<MaxPooling1D> {
  /** Pool size 2 on every axis, as Keras's default. */
  public MaxPooling1D() {
    this(2);
  }

  /**
   * Keras's {@code MaxPooling1D(pool_size)}; other arguments through the setters.
   *
   * @param poolSize the window size
   */
  public MaxPooling1D(int... poolSize) {
    super(1, true, poolSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MaxPooling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MaxPooling1D fromConfig(Config c) {
    return new MaxPooling1D(c.isSet("pool_size") ? c.getInts("pool_size", 1) : new int[] {2}).readPooling(c);
  }
}
