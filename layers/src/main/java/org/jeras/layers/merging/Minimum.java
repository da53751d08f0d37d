package org.jeras.layers.merging;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise minimum of its inputs (Keras's {@code Minimum}). */
public class Minimum extends Extremum {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.minimum(a, b);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Minimum.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Minimum fromConfig(Config c) {
    return new Minimum().withBaseConfig(c);
  }
}
