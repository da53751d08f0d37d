package org.jeras.layers.regularization;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;

/** Drops whole 2-d feature maps of rank-4 inputs in training (Keras's {@code SpatialDropout2D}). */
public class SpatialDropout2D extends SpatialDropout {
  private final String dataFormat;

  public SpatialDropout2D(double rate, String dataFormat, Long seed) {
    super(rate, seed, 4);
    if (!"channels_last".equals(dataFormat) && !"channels_first".equals(dataFormat)) {
      throw new ConfigException("SpatialDropout2D 'data_format' must be channels_last or channels_first, got " + dataFormat);
    }
    this.dataFormat = dataFormat;
  }

  @Override
  protected boolean channelsFirst() {
    return "channels_first".equals(dataFormat);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("data_format", dataFormat);
  }

  public static SpatialDropout2D fromConfig(Config c) {
    return new SpatialDropout2D(rate(c), c.getString("data_format", "channels_last"), c.getLongOrNull("seed"))
        .withBaseConfig(c);
  }
}
