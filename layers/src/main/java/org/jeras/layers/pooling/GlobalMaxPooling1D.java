package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalMaxPooling1D}: the maximum over the 1 spatial axes. */
public class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {
  /** Keras's {@code GlobalMaxPooling1D()}: every argument at its default. */
  public GlobalMaxPooling1D() {
    super(1, true);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GlobalMaxPooling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GlobalMaxPooling1D fromConfig(Config c) {
    return new GlobalMaxPooling1D().readGlobal(c);
  }
}
