package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalMaxPooling3D}: the maximum over the 3 spatial axes. */
public class GlobalMaxPooling3D extends BaseGlobalPooling<GlobalMaxPooling3D> {
  public GlobalMaxPooling3D() {
    super(3, true);
  }

  public static GlobalMaxPooling3D fromConfig(Config c) {
    return new GlobalMaxPooling3D().readGlobal(c);
  }
}
