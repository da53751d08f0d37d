package org.jeras.layers.regularization;

import org.jeras.core.config.Config;

/** Drops whole 3-d feature maps of rank-5 inputs in training (Keras's {@code SpatialDropout3D}). */
public class SpatialDropout3D extends SpatialDropout {
  public SpatialDropout3D(double rate, String dataFormat, Long seed) {
    super(rate, seed, 5, dataFormat);
  }

  public static SpatialDropout3D fromConfig(Config c) {
    return new SpatialDropout3D(rate(c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
