package org.jeras.layers.core;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;

/** Returns its input unchanged, mask included (Keras's {@code Identity}). */
public class Identity extends Layer {
  /** Keras's {@code Identity()}: every argument at its default. */
  public Identity() {
    buildAtInit();
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return x;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Identity.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Identity fromConfig(Config c) {
    return new Identity().withBaseConfig(c);
  }

  @Override
  public boolean acceptsText() {
    return true;
  }
}
