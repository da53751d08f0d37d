package org.jeras.layers.regularization;

import org.jeras.core.config.Config;

/** Drops whole 3-d feature maps of rank-5 inputs in training (Keras's {@code SpatialDropout3D}). */
public class SpatialDropout3D extends SpatialDropout {
  /**
   * Keras's {@code SpatialDropout3D(rate, data_format, seed)}.
   *
   * @param rate the fraction of channels dropped, in [0, 1)
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public SpatialDropout3D(double rate, String dataFormat, Long seed) {
    super(rate, seed, 5, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SpatialDropout3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SpatialDropout3D fromConfig(Config c) {
    return new SpatialDropout3D(rate(c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
