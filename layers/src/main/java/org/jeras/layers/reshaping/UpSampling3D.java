package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code UpSampling3D}: repeats entries of each of the 3 spatial axes by {@code size}. */
public class UpSampling3D extends BaseUpSampling {
  /**
   * Keras's {@code UpSampling3D(size, data_format)}.
   *
   * @param size the repetition factor of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public UpSampling3D(int[] size, String dataFormat) {
    super(size, dataFormat, "nearest");
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code UpSampling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static UpSampling3D fromConfig(Config c) {
    int[] size = c.isSet("size") ? c.getInts("size", 3) : new int[] {2, 2, 2};
    return new UpSampling3D(size, Spatial.dataFormat(c)).withBaseConfig(c);
  }
}
