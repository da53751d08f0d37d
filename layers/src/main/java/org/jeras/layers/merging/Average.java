package org.jeras.layers.merging;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise mean of its inputs: their sum divided by their count (Keras's {@code Average}). */
public class Average extends Merge {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.add(a, b);
  }

  @Override
  protected Tensor finish(Tensor folded, int n) {
    return MathOps.div(folded, MathOps.fullLike(folded, n));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Average.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Average fromConfig(Config c) {
    return new Average().withBaseConfig(c);
  }
}
