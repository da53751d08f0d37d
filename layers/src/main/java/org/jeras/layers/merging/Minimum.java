package org.jeras.layers.merging;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Element-wise minimum of its inputs (Keras's {@code Minimum}). */
public class Minimum extends Merge {
  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.minimum(a, b);
  }

  /** With masked inputs, masked entries do not compete (Keras's {@code _apply_merge_op_and_or_mask}). */
  @Override
  protected Tensor call(java.util.List<Tensor> inputs, org.jeras.core.layer.CallContext ctx) {
    if (inputs.stream().noneMatch(t -> t.mask() != null)) {
      return super.call(inputs, ctx);
    }
    return MaskedMerge.orFold(inputs, MathOps::minimum);
  }

  public static Minimum fromConfig(Config c) {
    return new Minimum().withBaseConfig(c);
  }
}
