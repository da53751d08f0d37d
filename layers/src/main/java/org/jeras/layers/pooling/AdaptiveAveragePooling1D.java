package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code AdaptiveAveragePooling1D}: the mean of adaptively sized windows over 1 spatial axis. */
public class AdaptiveAveragePooling1D extends BaseAdaptivePooling<AdaptiveAveragePooling1D> {
  /**
   * Keras's {@code AdaptiveAveragePooling1D(output_size)}; the data format through {@link #dataFormat}.
   *
   * @param outputSize the output length: one int for the axis, or 1
   */
  public AdaptiveAveragePooling1D(int... outputSize) {
    super(1, false, outputSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdaptiveAveragePooling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdaptiveAveragePooling1D fromConfig(Config c) {
    return new AdaptiveAveragePooling1D(readOutputSize(c, 1)).readAdaptive(c);
  }
}
