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

  public static Minimum fromConfig(Config c) {
    return new Minimum().withBaseConfig(c);
  }
}
