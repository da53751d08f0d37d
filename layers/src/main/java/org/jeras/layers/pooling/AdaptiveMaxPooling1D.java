package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AdaptiveMaxPooling1D}: the maximum of adaptively sized windows over 1 spatial axis. */
public class AdaptiveMaxPooling1D extends BaseAdaptivePooling<AdaptiveMaxPooling1D> {
  /**
   * Keras's {@code AdaptiveMaxPooling1D(output_size)}; the data format through {@link #dataFormat}.
   *
   * @param outputSize the output length: one int for the axis, or 1
   */
  public AdaptiveMaxPooling1D(int... outputSize) {
    super(1, true, outputSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdaptiveMaxPooling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdaptiveMaxPooling1D fromConfig(Config c) {
    return new AdaptiveMaxPooling1D(readOutputSize(c, 1)).readAdaptive(c);
  }
}
