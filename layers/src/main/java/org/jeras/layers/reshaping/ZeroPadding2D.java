package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code ZeroPadding2D}: pads each of 2 spatial axes with {@code {before, after}} zeros. */
public class ZeroPadding2D extends BaseZeroPadding {
  /**
   * Keras's {@code ZeroPadding2D(padding, data_format)}.
   *
   * @param padding the {@code {before, after}} zeros of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public ZeroPadding2D(int[][] padding, String dataFormat) {
    super(padding, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ZeroPadding2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ZeroPadding2D fromConfig(Config c) {
    int[][] p = c.isSet("padding") ? Spatial.pairs(c, "padding", 2) : new int[][] {{1, 1}, {1, 1}};
    return new ZeroPadding2D(p, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
