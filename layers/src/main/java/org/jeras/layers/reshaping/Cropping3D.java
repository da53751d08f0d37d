package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code Cropping3D}: crops {@code {before, after}} entries from each of 3 spatial axes. */
public class Cropping3D extends BaseCropping {
  /**
   * Keras's {@code Cropping3D(cropping, data_format)}.
   *
   * @param cropping the {@code {before, after}} cropping of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public Cropping3D(int[][] cropping, String dataFormat) {
    super(cropping, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Cropping3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Cropping3D fromConfig(Config c) {
    int[][] p = c.isSet("cropping") ? Spatial.pairs(c, "cropping", 3) : new int[][] {{1, 1}, {1, 1}, {1, 1}};
    return new Cropping3D(p, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
