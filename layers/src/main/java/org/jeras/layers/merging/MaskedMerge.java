package org.jeras.layers.merging;

import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How Keras's {@code Maximum}, {@code Minimum} and {@code Multiply} treat masked inputs: masked
 * entries do not take part (they are replaced by the other operand, or by 1 in a product), and
 * when every input carries a mask the output mask is their OR instead of the usual AND.
 */
final class MaskedMerge {
  private MaskedMerge() {}

  /** Whether every input carries a mask. */
  static boolean allMasked(List<Tensor> inputs) {
    return inputs.stream().allMatch(t -> t.mask() != null);
  }

  /** A mask of {@code x}'s leading axes broadcast along its last axis, as 0/1 in x's dtype. */
  private static INDArray expanded(Tensor x) {
    if (x.mask() == null) {
      return null;
    }
    INDArray m = x.mask().value().castTo(x.value().dataType());
    long[] s = x.value().shape();
    long[] withAxis = Arrays.copyOf(m.shape(), m.rank() + 1);
    withAxis[m.rank()] = 1;
    return Broadcast.to(m.reshape(withAxis), s);
  }

  /** Keras's {@code _apply_merge_op_and_or_mask}: masked entries take the other operand's value. */
  static Tensor orFold(List<Tensor> inputs, BinaryOperator<Tensor> op) {
    Tensor output = null;
    INDArray outMask = null;
    for (Tensor x : inputs) {
      INDArray m = expanded(x);
      if (output == null) {
        output = x;
        outMask = m;
        continue;
      }
      Tensor in = x;
      if (m != null) {
        in = MathOps.where(Tensor.of(m), x, output);
      }
      if (outMask != null) {
        output = MathOps.where(Tensor.of(outMask), output, in);
      }
      outMask = m != null && outMask != null ? Transforms.max(outMask, m, true) : null;
      output = op.apply(output, in);
    }
    return output;
  }

  /** Multiply with all inputs masked: masked entries count as 1; entries masked everywhere become 0. */
  static Tensor product(List<Tensor> inputs) {
    Tensor output = null;
    INDArray outMask = null;
    for (Tensor x : inputs) {
      INDArray m = expanded(x);
      Tensor in = MathOps.where(Tensor.of(m), x, MathOps.fullLike(x, 1.0));
      outMask = outMask == null ? m : Transforms.max(outMask, m, true);
      output = output == null ? in : MathOps.mul(output, in);
    }
    return MathOps.where(Tensor.of(outMask), output, MathOps.fullLike(output, 0.0));
  }
}
