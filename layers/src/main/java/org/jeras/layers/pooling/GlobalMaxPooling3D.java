package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalMaxPooling3D}: the maximum over the 3 spatial axes. */
public class GlobalMaxPooling3D extends BaseGlobalPooling<GlobalMaxPooling3D> {
  /** Keras's {@code GlobalMaxPooling3D()}: every argument at its default. */
  public GlobalMaxPooling3D() {
    super(3, true);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GlobalMaxPooling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GlobalMaxPooling3D fromConfig(Config c) {
    return new GlobalMaxPooling3D().readGlobal(c);
  }
}
