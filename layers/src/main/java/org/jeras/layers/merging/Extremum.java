package org.jeras.layers.merging;

import java.util.List;
import org.jeras.core.layer.CallContext;
import org.jeras.core.tensor.Tensor;

/**
 * Maximum and Minimum: with masked inputs, masked entries do not compete (Keras's
 * {@code _apply_merge_op_and_or_mask}).
 */
abstract class Extremum extends Merge {
  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    if (inputs.stream().noneMatch(t -> t.mask() != null)) {
      return super.call(inputs, ctx);
    }
    return MaskedMerge.orFold(inputs, this::combine);
  }
}
