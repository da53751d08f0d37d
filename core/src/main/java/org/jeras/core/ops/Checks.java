package org.jeras.core.ops;

import org.jeras.core.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one place the ops check operand shapes before handing buffers to ND4J or OpenBLAS, which
 * trust them (a contracted dimension too large reads past the kernel's memory). Each check throws
 * {@link OpShapeException} naming the op and the shapes.
 */
public final class Checks {
  private Checks() {}

  static String shape(INDArray a) {
    return Shape.of(a.shape()).toString();
  }

  /**
   * {@code a} has one of {@code ranks}.
   *
   * @param op the op's name, for the error
   * @param operand the operand's name, for the error
   * @param a the input
   * @param ranks the ranks allowed
   */
  public static void rank(String op, String operand, INDArray a, int... ranks) {
    for (int r : ranks) {
      if (a.rank() == r) {
        return;
      }
    }
    throw new OpShapeException(op + ": " + operand + " must have rank " + join(ranks) + ", got shape " + shape(a));
  }

  /**
   * Dimension {@code axis} of {@code a} is {@code size}.
   *
   * @param op the op's name, for the error
   * @param operand the operand's name, for the error
   * @param a the input
   * @param axis the axis, negative from the end
   * @param size the size
   */
  public static void dim(String op, String operand, INDArray a, int axis, long size) {
    int ax = axis < 0 ? axis + a.rank() : axis;
    if (ax < 0 || ax >= a.rank() || a.size(ax) != size) {
      throw new OpShapeException(op + ": " + operand + " must have size " + size + " on axis " + axis + ", got shape "
          + shape(a));
    }
  }

  /**
   * {@code a} and {@code b} have the same size on their axes {@code axisA} and {@code axisB}.
   *
   * @param op the op's name, for the error
   * @param a the first operand
   * @param axisA the axis of {@code a}
   * @param b the second operand
   * @param axisB the axis of {@code b}
   */
  public static void sameDim(String op, INDArray a, int axisA, INDArray b, int axisB) {
    long da = a.size(axisA < 0 ? axisA + a.rank() : axisA);
    long db = b.size(axisB < 0 ? axisB + b.rank() : axisB);
    if (da != db) {
      throw new OpShapeException(op + ": incompatible shapes " + shape(a) + " and " + shape(b) + " (axis " + axisA
          + " has " + da + ", axis " + axisB + " has " + db + ")");
    }
  }

  /**
   * {@code op(a) @ op(b)} of 2-d arrays is defined.
   *
   * @param a the first operand
   * @param transA whether to transpose {@code a}
   * @param b the second operand
   * @param transB whether to transpose {@code b}
   */
  public static void matmul2d(INDArray a, boolean transA, INDArray b, boolean transB) {
    rank("matmul", "the left operand", a, 2);
    rank("matmul", "the right operand", b, 2);
    sameDim("matmul", a, transA ? 0 : 1, b, transB ? 1 : 0);
  }

  /**
   * A convolution-like op over {@code x [N, s1..sr, C]}: {@code x} has rank {@code r + 2} for
   * {@code r} in 1..3, the kernel has the same rank, and every per-axis argument has {@code r}
   * positive entries (paddings non-negative).
   *
   * @param op the op's name, for the error
   * @param x the input
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param pads the {@code {before, after}} padding of each axis
   * @param dilation the dilation of each spatial axis
   */
  public static void spatial(String op, INDArray x, INDArray kernel, int[] strides, int[][] pads, int[] dilation) {
    int r = x.rank() - 2;
    if (r < 1 || r > 3) {
      throw new OpShapeException(op + ": input must have rank 3, 4 or 5 (batch, spatial axes, channels), got shape "
          + shape(x));
    }
    if (kernel != null && kernel.rank() != r + 2) {
      throw new OpShapeException(op + ": kernel must have rank " + (r + 2) + " for input " + shape(x) + ", got shape "
          + shape(kernel));
    }
    positive(op, "strides", strides, r);
    positive(op, "dilation", dilation, r);
    if (pads != null) {
      if (pads.length != r) {
        throw new OpShapeException(op + ": expected " + r + " padding pairs, got " + pads.length);
      }
      for (int[] p : pads) {
        if (p.length != 2 || p[0] < 0 || p[1] < 0) {
          throw new OpShapeException(op + ": paddings must be non-negative {before, after} pairs");
        }
      }
    }
  }

  /**
   * {@code values} (when given) has {@code r} entries, all at least 1.
   *
   * @param op the op's name, for the error
   * @param what what is checked, for the error
   * @param values the values
   * @param r the number of spatial axes
   */
  public static void positive(String op, String what, int[] values, int r) {
    if (values == null) {
      return;
    }
    if (values.length != r) {
      throw new OpShapeException(op + ": expected " + r + " " + what + ", got " + values.length);
    }
    for (int v : values) {
      if (v < 1) {
        throw new OpShapeException(op + ": " + what + " must be positive, got " + v);
      }
    }
  }

  /**
   * An array of shape {@code from} can be viewed as {@code to} (where one entry may be -1).
   *
   * @param from the input shape
   * @param to the requested shape
   */
  public static void reshape(long[] from, long[] to) {
    long n = 1;
    for (long d : from) {
      n *= d;
    }
    long m = 1;
    int unknown = 0;
    for (long d : to) {
      if (d == -1) {
        unknown++;
      } else if (d < 0) {
        unknown = 2;
      } else {
        m *= d;
      }
    }
    boolean fits = unknown == 0 ? m == n : unknown == 1 && (m == 0 ? n == 0 : n % m == 0);
    if (!fits) {
      throw new OpShapeException("reshape: cannot reshape an array of shape " + Shape.of(from) + " (" + n
          + " entries) into shape " + java.util.Arrays.toString(to));
    }
  }

  /**
   * {@return {@code axis} (negative from the end) as an index into a tensor of {@code rank}; refuses one out
   * of range}
   *
   * @param op the op's name, for the error
   * @param rank the rank
   * @param axis the axis, negative from the end
   */
  public static int axis(String op, int rank, int axis) {
    if (axis >= rank || axis < -rank) {
      throw new OpShapeException(op + ": axis " + axis + " is out of bounds for a tensor of rank " + rank);
    }
    return axis < 0 ? axis + rank : axis;
  }

  /**
   * {@code perm} is a permutation of the axes of a tensor of {@code rank}.
   *
   * @param op the op's name, for the error
   * @param rank the rank
   * @param perm the input axis of each output axis
   */
  public static void permutation(String op, int rank, int[] perm) {
    boolean[] seen = new boolean[rank];
    boolean ok = perm.length == rank;
    for (int p : perm) {
      ok &= p >= 0 && p < rank && !seen[p];
      if (p >= 0 && p < rank) {
        seen[p] = true;
      }
    }
    if (!ok) {
      throw new OpShapeException(op + ": " + java.util.Arrays.toString(perm) + " is not a permutation of the axes of a"
          + " tensor of rank " + rank);
    }
  }

  /**
   * Arrays that can be joined along {@code axis}: same rank, same sizes on every other axis.
   *
   * @param op the op's name, for the error
   * @param parts the tensors
   * @param axis the axis, negative from the end
   */
  public static void concat(String op, INDArray[] parts, int axis) {
    INDArray first = parts[0];
    for (INDArray p : parts) {
      boolean ok = p.rank() == first.rank();
      for (int k = 0; ok && k < p.rank(); k++) {
        ok = k == axis || p.size(k) == first.size(k);
      }
      if (!ok) {
        throw new OpShapeException(op + ": cannot join shapes " + shape(first) + " and " + shape(p) + " along axis "
            + axis);
      }
    }
  }

  /**
   * Every index lies in {@code [0, size)}.
   *
   * @param op the op's name, for the error
   * @param indices the indices
   * @param size the size
   */
  public static void indices(String op, long[] indices, long size) {
    for (long i : indices) {
      if (i < 0 || i >= size) {
        throw new OpShapeException(op + ": index " + i + " is out of range [0, " + size + ")");
      }
    }
  }

  private static String join(int[] ranks) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ranks.length; i++) {
      sb.append(i == 0 ? "" : i == ranks.length - 1 ? " or " : ", ").append(ranks[i]);
    }
    return sb.toString();
  }
}
