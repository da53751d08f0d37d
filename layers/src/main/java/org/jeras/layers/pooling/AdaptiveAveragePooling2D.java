package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AdaptiveAveragePooling2D}: the mean of adaptively sized windows over 2 spatial axises. */
public class AdaptiveAveragePooling2D extends BaseAdaptivePooling<AdaptiveAveragePooling2D> {
  /**
   * Keras's {@code AdaptiveAveragePooling2D(output_size)}; the data format through {@link #dataFormat}.
   *
   * @param outputSize the output length: one int for every axis, or 2
   */
  public AdaptiveAveragePooling2D(int... outputSize) {
    super(2, false, outputSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdaptiveAveragePooling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdaptiveAveragePooling2D fromConfig(Config c) {
    return new AdaptiveAveragePooling2D(readOutputSize(c, 2)).readAdaptive(c);
  }
}
