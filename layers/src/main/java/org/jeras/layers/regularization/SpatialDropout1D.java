package org.jeras.layers.regularization;

import org.jeras.core.config.Config;

/** Drops whole channels of {@code (batch, steps, channels)} inputs in training (Keras's {@code SpatialDropout1D}). */
public class SpatialDropout1D extends SpatialDropout {
  public SpatialDropout1D(double rate, Long seed) {
    super(rate, seed, 3, null);
  }

  public static SpatialDropout1D fromConfig(Config c) {
    return new SpatialDropout1D(rate(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
