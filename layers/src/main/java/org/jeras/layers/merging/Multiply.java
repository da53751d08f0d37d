package org.jeras.layers.merging;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise product of its inputs (Keras's {@code Multiply}). */
public class Multiply extends Merge {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.mul(a, b);
  }

  /** When every input is masked, masked entries count as 1 and the output mask is their OR (Keras). */
  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    return MaskedMerge.allMasked(inputs) ? MaskedMerge.product(inputs) : super.call(inputs, ctx);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Multiply.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Multiply fromConfig(Config c) {
    return new Multiply().withBaseConfig(c);
  }
}
