package org.jeras.layers.regularization;

import org.jeras.core.config.Config;

/** Drops whole 2-d feature maps of rank-4 inputs in training (Keras's {@code SpatialDropout2D}). */
public class SpatialDropout2D extends SpatialDropout {
  /**
   * Keras's {@code SpatialDropout2D(rate, data_format, seed)}.
   *
   * @param rate the fraction of channels dropped, in [0, 1)
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public SpatialDropout2D(double rate, String dataFormat, Long seed) {
    super(rate, seed, 4, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SpatialDropout2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SpatialDropout2D fromConfig(Config c) {
    return new SpatialDropout2D(rate(c), dataFormat(c), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
