package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code Cropping2D}: crops {@code {before, after}} entries from each of 2 spatial axes. */
public class Cropping2D extends BaseCropping {
  /**
   * Keras's {@code Cropping2D(cropping, data_format)}.
   *
   * @param cropping the {@code {before, after}} cropping of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public Cropping2D(int[][] cropping, String dataFormat) {
    super(cropping, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Cropping2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Cropping2D fromConfig(Config c) {
    int[][] p = c.isSet("cropping") ? Spatial.pairs(c, "cropping", 2) : new int[][] {{0, 0}, {0, 0}};
    return new Cropping2D(p, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
