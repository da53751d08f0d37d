package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code ZeroPadding3D}: pads each of 3 spatial axes with {@code {before, after}} zeros. */
public class ZeroPadding3D extends BaseZeroPadding {
  /**
   * Keras's {@code ZeroPadding3D(padding, data_format)}.
   *
   * @param padding the {@code {before, after}} zeros of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public ZeroPadding3D(int[][] padding, String dataFormat) {
    super(padding, dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ZeroPadding3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ZeroPadding3D fromConfig(Config c) {
    int[][] p = c.isSet("padding") ? Spatial.pairs(c, "padding", 3) : new int[][] {{1, 1}, {1, 1}, {1, 1}};
    return new ZeroPadding3D(p, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
