package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code UpSampling2D}: grows rows and columns by {@code size}, nearest or bilinear. */
public class UpSampling2D extends BaseUpSampling {
  /**
   * Keras's {@code UpSampling2D(size, data_format, interpolation)}.
   *
   * @param size the repetition factor of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param interpolation {@code "nearest"} or {@code "bilinear"}
   */
  public UpSampling2D(int[] size, String dataFormat, String interpolation) {
    super(size, dataFormat, interpolation);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("interpolation", interpolation);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code UpSampling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static UpSampling2D fromConfig(Config c) {
    int[] size = c.isSet("size") ? c.getInts("size", 2) : new int[] {2, 2};
    return new UpSampling2D(size, Spatial.dataFormat(c), c.getString("interpolation", "nearest")).withBaseConfig(c);
  }
}
