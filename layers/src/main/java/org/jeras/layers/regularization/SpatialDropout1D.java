package org.jeras.layers.regularization;

import org.jeras.core.config.Config;

/** Drops whole channels of {@code (batch, steps, channels)} inputs in training (Keras's {@code SpatialDropout1D}). */
public class SpatialDropout1D extends SpatialDropout {
  /**
   * Keras's {@code SpatialDropout1D(rate, seed)}.
   *
   * @param rate the fraction of channels dropped, in [0, 1)
   * @param seed the seed, or null for a drawn one
   */
  public SpatialDropout1D(double rate, Long seed) {
    super(rate, seed, 3, null);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SpatialDropout1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SpatialDropout1D fromConfig(Config c) {
    return new SpatialDropout1D(rate(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
