package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalAveragePooling3D}: the mean over the 3 spatial axes. */
public class GlobalAveragePooling3D extends BaseGlobalPooling<GlobalAveragePooling3D> {
  /** Keras's {@code GlobalAveragePooling3D()}: every argument at its default. */
  public GlobalAveragePooling3D() {
    super(3, false);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GlobalAveragePooling3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GlobalAveragePooling3D fromConfig(Config c) {
    return new GlobalAveragePooling3D().readGlobal(c);
  }
}
