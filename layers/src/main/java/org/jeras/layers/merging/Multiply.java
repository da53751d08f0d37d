package org.jeras.layers.merging;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise product of its inputs (Keras's {@code Multiply}). */
public class Multiply extends Merge {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.mul(a, b);
  }

  public static Multiply fromConfig(Config c) {
    return new Multiply().withBaseConfig(c);
  }
}
