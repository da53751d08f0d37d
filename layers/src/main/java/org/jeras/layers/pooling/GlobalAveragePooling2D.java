package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalAveragePooling2D}: the mean over the 2 spatial axes. */
public class GlobalAveragePooling2D extends BaseGlobalPooling<GlobalAveragePooling2D> {
  /** Keras's {@code GlobalAveragePooling2D()}: every argument at its default. */
  public GlobalAveragePooling2D() {
    super(2, false);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GlobalAveragePooling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GlobalAveragePooling2D fromConfig(Config c) {
    return new GlobalAveragePooling2D().readGlobal(c);
  }
}
