package org.jeras.layers.merging;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise maximum of its inputs (Keras's {@code Maximum}). */
public class Maximum extends Extremum {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.maximum(a, b);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Maximum.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Maximum fromConfig(Config c) {
    return new Maximum().withBaseConfig(c);
  }
}
