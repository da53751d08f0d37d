package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.layers.convolutional.Spatial;

/** Keras's {@code UpSampling2D}: grows rows and columns by {@code size}, nearest or bilinear. */
public class UpSampling2D extends BaseUpSampling {
  public UpSampling2D(int[] size, String dataFormat, String interpolation) {
    super(size, dataFormat, interpolation);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("interpolation", interpolation);
  }

  public static UpSampling2D fromConfig(Config c) {
    int[] size = c.isSet("size") ? c.getInts("size", 2) : new int[] {2, 2};
    return new UpSampling2D(size, Spatial.dataFormat(c), c.getString("interpolation", "nearest")).withBaseConfig(c);
  }
}
