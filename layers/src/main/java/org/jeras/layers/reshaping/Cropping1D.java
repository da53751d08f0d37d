package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code Cropping1D}: crops {@code {before, after}} steps of {@code [batch, steps, features]}. */
public class Cropping1D extends BaseCropping {
  /**
   * Keras's {@code Cropping1D((before, after))}.
   *
   * @param before the steps cropped at the start
   * @param after the steps cropped at the end
   */
  public Cropping1D(int before, int after) {
    super(new int[][] {{before, after}}, Spatial.CHANNELS_LAST);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Cropping1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Cropping1D fromConfig(Config c) {
    int[][] p = c.isSet("cropping") ? Spatial.pairs(c, "cropping", 1) : new int[][] {{1, 1}};
    return new Cropping1D(p[0][0], p[0][1]).withBaseConfig(c);
  }
}
