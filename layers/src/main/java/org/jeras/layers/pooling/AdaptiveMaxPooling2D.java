package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AdaptiveMaxPooling2D}: the maximum of adaptively sized windows over 2 spatial axises. */
public class AdaptiveMaxPooling2D extends BaseAdaptivePooling<AdaptiveMaxPooling2D> {
  /**
   * Keras's {@code AdaptiveMaxPooling2D(output_size)}; the data format through {@link #dataFormat}.
   *
   * @param outputSize the output length: one int for every axis, or 2
   */
  public AdaptiveMaxPooling2D(int... outputSize) {
    super(2, true, outputSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdaptiveMaxPooling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdaptiveMaxPooling2D fromConfig(Config c) {
    return new AdaptiveMaxPooling2D(readOutputSize(c, 2)).readAdaptive(c);
  }
}
