package org.jeras.layers.pooling;

import org.jeras.core.config.Config;

/** Keras's {@code GlobalMaxPooling1D}: the maximum over the 1 spatial axes. */
public class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {
  public GlobalMaxPooling1D() {
    super(1, true);
  }

  public static GlobalMaxPooling1D fromConfig(Config c) {
    return new GlobalMaxPooling1D().readGlobal(c);
  }
}
