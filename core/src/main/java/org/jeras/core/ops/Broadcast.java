package org.jeras.core.ops;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Numpy broadcasting helpers shared by the backward passes of element-wise ops. */
public final class Broadcast {
  private Broadcast() {}

  /**
   * {@return the broadcast of two shapes, as numpy defines it; throws if they are incompatible}
   *
   * @param a the first shape
   * @param b the second shape
   */
  public static long[] shape(long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new OpShapeException(
            "Shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " cannot be broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * Sums {@code grad} over the axes along which an input of {@code shape} was broadcast.
   *
   * @param grad the gradient
   * @param shape the shape
   * @return the gradient of the input, of {@code shape}
   */
  public static INDArray reduceTo(INDArray grad, long[] shape) {
    long[] g = grad.shape();
    if (Arrays.equals(g, shape)) {
      return grad;
    }
    int lead = g.length - shape.length;
    int[] axes = new int[g.length];
    int n = 0;
    for (int i = 0; i < g.length; i++) {
      if (i < lead || (shape[i - lead] == 1 && g[i] != 1)) {
        axes[n++] = i;
      }
    }
    if (n == 0) {
      return grad.reshape(shape);
    }
    return Kernels.sum(grad, Arrays.copyOf(axes, n)).reshape(shape);
  }

  /**
   * {@return {@code a} viewed (or copied) at the broadcast shape {@code target}}
   *
   * @param a the input
   * @param target the target shape
   */
  public static INDArray to(INDArray a, long[] target) {
    if (Arrays.equals(a.shape(), target)) {
      return a;
    }
    long[] s = a.shape();
    if (s.length < target.length) {
      long[] padded = new long[target.length];
      Arrays.fill(padded, 1);
      System.arraycopy(s, 0, padded, target.length - s.length, s.length);
      a = a.reshape(padded);
    }
    return a.broadcast(target);
  }
}
