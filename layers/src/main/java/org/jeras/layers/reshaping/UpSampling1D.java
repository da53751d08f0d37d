package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code UpSampling1D}: repeats each step {@code size} times. */
public class UpSampling1D extends BaseUpSampling {
  /**
   * Keras's {@code UpSampling1D(size)}.
   *
   * @param size the repetition factor of the steps
   */
  public UpSampling1D(int size) {
    super(new int[] {size}, Spatial.CHANNELS_LAST, "nearest");
  }

  @Override
  public Config getConfig() {
    // Keras keeps a bare int and no data_format here.
    return super.getConfig().remove("data_format").put("size", size[0]);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code UpSampling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static UpSampling1D fromConfig(Config c) {
    return new UpSampling1D(c.isSet("size") ? c.getInts("size", 1)[0] : 2).withBaseConfig(c);
  }
}
