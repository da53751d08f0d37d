package org.jeras.core.ops;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.tensor.Tensor;

/**
 * The shape, indexing, reduction and product part of {@link Ops}, delegating to
 * {@link ArrayOps}, {@link ReduceOps}, {@link NormOps}, {@link LinalgOps}, {@link EinsumOps} and
 * {@link RnnOps}. Reductions take Keras's {@code axis} as ints (none: every axis) and
 * {@code keepdims} after them. Use these through {@link Ops}.
 */
abstract class OpsArrays extends OpsMath {
  OpsArrays() {}

  /**
   * {@code x} in the shape {@code newShape} (C order; one entry may be -1).
   *
   * @param x the input
   * @param newShape the new shape
   * @return the result
   */
  public static Tensor reshape(Tensor x, long... newShape) {
    return ArrayOps.reshape(x, newShape);
  }

  /**
   * {@code x} with its axes reversed.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor transpose(Tensor x) {
    int[] perm = new int[x.rank()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = perm.length - 1 - i;
    }
    return ArrayOps.transpose(x, perm);
  }

  /**
   * {@code x} with its axes permuted: output axis i is input axis {@code axes[i]}.
   *
   * @param x the input
   * @param axes the axes
   * @return the result
   */
  public static Tensor transpose(Tensor x, int... axes) {
    return ArrayOps.transpose(x, axes);
  }

  /**
   * The tensors joined along axis 0.
   *
   * @param xs the tensors
   * @return the result
   */
  public static Tensor concatenate(List<Tensor> xs) {
    return ArrayOps.concat(xs, 0);
  }

  /**
   * The tensors joined along {@code axis}.
   *
   * @param xs the tensors
   * @param axis the axis
   * @return the result
   */
  public static Tensor concatenate(List<Tensor> xs, int axis) {
    return ArrayOps.concat(xs, axis);
  }

  /**
   * The tensors stacked along a new axis 0.
   *
   * @param xs the tensors
   * @return the result
   */
  public static Tensor stack(List<Tensor> xs) {
    return ArrayOps.stack(xs, 0);
  }

  /**
   * The tensors stacked along a new {@code axis}.
   *
   * @param xs the tensors
   * @param axis the axis
   * @return the result
   */
  public static Tensor stack(List<Tensor> xs, int axis) {
    return ArrayOps.stack(xs, axis);
  }

  /**
   * {@code x} with a new axis of size 1 at {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor expandDims(Tensor x, int axis) {
    return ArrayOps.expandDims(x, axis);
  }

  /**
   * {@code x} without its axes of size 1.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor squeeze(Tensor x) {
    Tensor out = x;
    for (int axis = x.rank() - 1; axis >= 0; axis--) {
      if (x.shape().get(axis) == 1) {
        out = ArrayOps.squeeze(out, axis);
      }
    }
    return out;
  }

  /**
   * {@code x} without axis {@code axis}, which must have size 1.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor squeeze(Tensor x, int axis) {
    return ArrayOps.squeeze(x, axis);
  }

  /**
   * The elements of flattened {@code x} at the integer {@code indices} (Keras's {@code axis=None}).
   *
   * @param x the input
   * @param indices the indices
   * @return the result
   */
  public static Tensor take(Tensor x, Tensor indices) {
    return ArrayOps.gather(ArrayOps.reshape(x, -1), indices);
  }

  /**
   * The slices of {@code x} along {@code axis} at the integer {@code indices}: shape
   * {@code x.shape[:axis] + indices.shape + x.shape[axis+1:]}.
    *
    * @param x the input
    * @param indices the indices
    * @param axis the axis
    * @return the result
   */
  public static Tensor take(Tensor x, Tensor indices, int axis) {
    int rank = x.rank();
    int ax = Checks.axis("take", rank, axis);
    if (ax == 0) {
      return ArrayOps.gather(x, indices);
    }
    int[] toFront = new int[rank];
    toFront[0] = ax;
    for (int i = 0, j = 1; i < rank; i++) {
      if (i != ax) {
        toFront[j++] = i;
      }
    }
    Tensor gathered = ArrayOps.gather(ArrayOps.transpose(x, toFront), indices);
    // gathered: indices' axes, then x's axes before `axis`, then those after it.
    int k = indices.rank();
    int[] back = new int[k + rank - 1];
    int n = 0;
    for (int i = 0; i < ax; i++) {
      back[n++] = k + i;
    }
    for (int i = 0; i < k; i++) {
      back[n++] = i;
    }
    for (int i = k + ax; i < back.length; i++) {
      back[n++] = i;
    }
    return ArrayOps.transpose(gathered, back);
  }

  /**
   * The slice of {@code x} at {@code index} along {@code axis}, that axis removed; a negative index counts from the end.
   *
   * @param x the input
   * @param index the {@code index} argument, as in Keras
   * @param axis the axis
   * @return the result
   */
  public static Tensor take(Tensor x, long index, int axis) {
    int ax = Checks.axis("take", x.rank(), axis);
    long size = x.shape().get(ax);
    return ArrayOps.take(x, ax, index < 0 ? index + size : index);
  }

  /**
   * Keras's {@code slice}: the block of {@code shape} starting at {@code startIndices}.
   *
   * @param x the input
   * @param startIndices the {@code startIndices} argument, as in Keras
   * @param shape the shape
   * @return the result
   */
  public static Tensor slice(Tensor x, long[] startIndices, long[] shape) {
    if (startIndices.length != x.rank() || shape.length != x.rank()) {
      throw new OpShapeException("slice: expected " + x.rank() + " start indices and sizes, got "
          + startIndices.length + " and " + shape.length);
    }
    Tensor out = x;
    for (int axis = 0; axis < startIndices.length; axis++) {
      out = ArrayOps.slice(out, axis, startIndices[axis], startIndices[axis] + shape[axis]);
    }
    return out;
  }

  /**
   * The slices of {@code x} along axis 0.
   *
   * @param x the input
   * @return the result
   */
  public static List<Tensor> unstack(Tensor x) {
    return unstack(x, 0);
  }

  /**
   * The slices of {@code x} along {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static List<Tensor> unstack(Tensor x, int axis) {
    int ax = Checks.axis("unstack", x.rank(), axis);
    List<Tensor> out = new ArrayList<>();
    for (long i = 0; i < x.shape().get(ax); i++) {
      out.add(ArrayOps.take(x, ax, i));
    }
    return out;
  }

  /**
   * Zero padding: {@code padWidth[i] = {before, after}} for axis i.
   *
   * @param x the input
   * @param padWidth the padding before and after each axis
   * @return the result
   */
  public static Tensor pad(Tensor x, long[][] padWidth) {
    return ArrayOps.pad(x, padWidth, 0);
  }

  /**
   * Constant padding with {@code constantValues}.
   *
   * @param x the input
   * @param padWidth the padding before and after each axis
   * @param constantValues the padding value
   * @return the result
   */
  public static Tensor pad(Tensor x, long[][] padWidth, double constantValues) {
    if (padWidth.length != x.rank()) {
      throw new OpShapeException("pad: expected " + x.rank() + " (before, after) pairs, got " + padWidth.length);
    }
    return ArrayOps.pad(x, padWidth, constantValues);
  }

  /**
   * Each element of flattened {@code x} repeated {@code repeats} times.
   *
   * @param x the input
   * @param repeats how many times each element repeats
   * @return the result
   */
  public static Tensor repeat(Tensor x, int repeats) {
    return ArrayOps.repeat(ArrayOps.reshape(x, -1), repeats, 0);
  }

  /**
   * Each element repeated {@code repeats} times along {@code axis}.
   *
   * @param x the input
   * @param repeats how many times each element repeats
   * @param axis the axis
   * @return the result
   */
  public static Tensor repeat(Tensor x, int repeats, int axis) {
    return ArrayOps.repeat(x, repeats, axis);
  }

  /**
   * {@code x} reversed along every axis.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor flip(Tensor x) {
    Tensor out = x;
    for (int axis = 0; axis < x.rank(); axis++) {
      out = RnnOps.reverse(out, axis);
    }
    return out;
  }

  /**
   * {@code x} reversed along {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor flip(Tensor x, int axis) {
    return RnnOps.reverse(x, axis);
  }

  /**
   * Sum over {@code axis} (every axis when none).
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor sum(Tensor x, int... axis) {
    return ReduceOps.sum(x, false, axis);
  }

  /**
   * Sum over {@code axis}, keeping them as size 1 when {@code keepdims}.
   *
   * @param x the input
   * @param axis the axis
   * @param keepdims whether reduced axes stay with size 1
   * @return the result
   */
  public static Tensor sum(Tensor x, int[] axis, boolean keepdims) {
    return ReduceOps.sum(x, keepdims, axis);
  }

  /**
   * Mean over {@code axis} (every axis when none).
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor mean(Tensor x, int... axis) {
    return ReduceOps.mean(x, false, axis);
  }

  /**
   * Mean over {@code axis}, keeping them as size 1 when {@code keepdims}.
   *
   * @param x the input
   * @param axis the axis
   * @param keepdims whether reduced axes stay with size 1
   * @return the result
   */
  public static Tensor mean(Tensor x, int[] axis, boolean keepdims) {
    return ReduceOps.mean(x, keepdims, axis);
  }

  /**
   * Maximum over {@code axis} (every axis when none).
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor max(Tensor x, int... axis) {
    return ReduceOps.max(x, false, axis);
  }

  /**
   * Maximum over {@code axis}, keeping them as size 1 when {@code keepdims}.
   *
   * @param x the input
   * @param axis the axis
   * @param keepdims whether reduced axes stay with size 1
   * @return the result
   */
  public static Tensor max(Tensor x, int[] axis, boolean keepdims) {
    return ReduceOps.max(x, keepdims, axis);
  }

  /**
   * Keras's {@code amax}: {@link #max(Tensor, int...)}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor amax(Tensor x, int... axis) {
    return ReduceOps.max(x, false, axis);
  }

  /**
   * Minimum over {@code axis} (every axis when none).
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor min(Tensor x, int... axis) {
    return ReduceOps.min(x, false, axis);
  }

  /**
   * Minimum over {@code axis}, keeping them as size 1 when {@code keepdims}.
   *
   * @param x the input
   * @param axis the axis
   * @param keepdims whether reduced axes stay with size 1
   * @return the result
   */
  public static Tensor min(Tensor x, int[] axis, boolean keepdims) {
    return ReduceOps.min(x, keepdims, axis);
  }

  /**
   * Keras's {@code amin}: {@link #min(Tensor, int...)}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor amin(Tensor x, int... axis) {
    return ReduceOps.min(x, false, axis);
  }

  /**
   * Whether any element over {@code axis} (every axis when none) is non-zero, as booleans.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor any(Tensor x, int... axis) {
    return ReduceOps.any(x, false, axis);
  }

  /**
   * {@code log(sum(exp(x)))} over {@code axis} (every axis when none), computed stably.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor logsumexp(Tensor x, int... axis) {
    return ReduceOps.logSumExp(x, false, axis);
  }

  /**
   * Biased variance over {@code axis} (every axis when none).
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor var(Tensor x, int... axis) {
    return NormOps.moments(x, false, axis)[1];
  }

  /**
   * Biased standard deviation over {@code axis} (every axis when none).
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor std(Tensor x, int... axis) {
    return MathOps.sqrt(var(x, axis));
  }

  /**
   * Index of the maximum of flattened {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor argmax(Tensor x) {
    return ReduceOps.argmax(ArrayOps.reshape(x, -1), 0);
  }

  /**
   * Index of the maximum along {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor argmax(Tensor x, int axis) {
    return ReduceOps.argmax(x, axis);
  }

  /**
   * Matrix product (batched over leading axes).
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor matmul(Tensor x1, Tensor x2) {
    return LinalgOps.matmul(x1, x2);
  }

  /**
   * Einstein summation of two operands, as {@code numpy.einsum}.
   *
   * @param subscripts the {@code subscripts} argument, as in Keras
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor einsum(String subscripts, Tensor x1, Tensor x2) {
    return EinsumOps.einsum(subscripts, x1, x2);
  }
}
