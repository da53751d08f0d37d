package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalMaxPooling2D}: the maximum over the 2 spatial axes. */
public class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {
  /** Keras's {@code GlobalMaxPooling2D()}: every argument at its default. */
  public GlobalMaxPooling2D() {
    super(2, true);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GlobalMaxPooling2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GlobalMaxPooling2D fromConfig(Config c) {
    return new GlobalMaxPooling2D().readGlobal(c);
  }
}
