package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code ZeroPadding1D}: pads each of 1 spatial axes with {@code {before, after}} zeros. */
public class ZeroPadding1D extends BaseZeroPadding {
  /**
   * Keras's {@code ZeroPadding1D(padding, data_format)}.
   *
   * @param padding the {@code {before, after}} zeros of the steps
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public ZeroPadding1D(int[][] padding, String dataFormat) {
    super(padding, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ZeroPadding1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ZeroPadding1D fromConfig(Config c) {
    int[][] p = c.isSet("padding") ? Spatial.pairs(c, "padding", 1) : new int[][] {{1, 1}};
    return new ZeroPadding1D(p, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
