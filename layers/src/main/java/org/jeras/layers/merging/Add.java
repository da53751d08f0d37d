package org.jeras.layers.merging;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise sum of its inputs (Keras's {@code Add}). */
public class Add extends Merge {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.add(a, b);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Add.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Add fromConfig(Config c) {
    return new Add().withBaseConfig(c);
  }
}
