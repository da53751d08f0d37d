package org.jeras.layers.regularization;

import org.jeras.core.config.Config;

/** Drops whole 2-d feature maps of rank-4 inputs in training (Keras's {@code SpatialDropout2D}). */
public class SpatialDropout2D extends SpatialDropout {
  public SpatialDropout2D(double rate, String dataFormat, Long seed) {
    super(rate, seed, 4, dataFormat);
  }

  public static SpatialDropout2D fromConfig(Config c) {
    return new SpatialDropout2D(rate(c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
