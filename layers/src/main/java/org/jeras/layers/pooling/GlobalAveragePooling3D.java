package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalAveragePooling3D}: the mean over the 3 spatial axes. */
public class GlobalAveragePooling3D extends BaseGlobalPooling<GlobalAveragePooling3D> {
  public GlobalAveragePooling3D() {
    super(3, false);
  }

  public static GlobalAveragePooling3D fromConfig(Config c) {
    return new GlobalAveragePooling3D().readGlobal(c);
  }
}
