package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AdaptiveMaxPooling3D}: the maximum of adaptively sized windows over 3 spatial axises. */
public class AdaptiveMaxPooling3D extends BaseAdaptivePooling<AdaptiveMaxPooling3D> {
  /**
   * Keras's {@code AdaptiveMaxPooling3D(output_size)}; the data format through {@link #dataFormat}.
   *
   * @param outputSize the output length: one int for every axis, or 3
   */
  public AdaptiveMaxPooling3D(int... outputSize) {
    super(3, true, outputSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdaptiveMaxPooling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdaptiveMaxPooling3D fromConfig(Config c) {
    return new AdaptiveMaxPooling3D(readOutputSize(c, 3)).readAdaptive(c);
  }
}
