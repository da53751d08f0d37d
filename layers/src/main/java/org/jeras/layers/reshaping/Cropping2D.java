package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code Cropping2D}: crops {@code {before, after}} entries from each of 2 spatial axes. */
public class Cropping2D extends BaseCropping {
  public Cropping2D(int[][] cropping, String dataFormat) {
    super(cropping, dataFormat);
  }

  public static Cropping2D fromConfig(Config c) {
    int[][] p = c.isSet("cropping") ? Spatial.pairs(c, "cropping", 2) : new int[][] {{0, 0}, {0, 0}};
    return new Cropping2D(p, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
