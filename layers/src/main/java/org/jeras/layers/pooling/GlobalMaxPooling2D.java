package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalMaxPooling2D}: the maximum over the 2 spatial axes. */
public class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {
  public GlobalMaxPooling2D() {
    super(2, true);
  }

  public static GlobalMaxPooling2D fromConfig(Config c) {
    return new GlobalMaxPooling2D().readGlobal(c);
  }
}
