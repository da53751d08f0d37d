package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AdaptiveAveragePooling3D}: the mean of adaptively sized windows over 3 spatial axises. */
public class AdaptiveAveragePooling3D extends BaseAdaptivePooling<AdaptiveAveragePooling3D> {
  /**
   * Keras's {@code AdaptiveAveragePooling3D(output_size)}; the data format through {@link #dataFormat}.
   *
   * @param outputSize the output length: one int for every axis, or 3
   */
  public AdaptiveAveragePooling3D(int... outputSize) {
    super(3, false, outputSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdaptiveAveragePooling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdaptiveAveragePooling3D fromConfig(Config c) {
    return new AdaptiveAveragePooling3D(readOutputSize(c, 3)).readAdaptive(c);
  }
}
