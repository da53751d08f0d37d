package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Differentiable reductions over axes (all axes when none are given). */
public final class ReduceOps {
  private ReduceOps() {}

  private static OpDesc reduction(String name, int[] axes, boolean keepDims) {
    return OpDesc.of(name, "axes", axes.clone(), "keepdims", keepDims);
  }

  /** Normalized, sorted axes; all axes when {@code axes} is empty. */
  static int[] axes(int rank, int... axes) {
    if (axes == null || axes.length == 0) {
      int[] all = new int[rank];
      for (int i = 0; i < rank; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = Checks.axis("reduce", rank, axes[i]);
    }
    Arrays.sort(out);
    return out;
  }

  /** The shape of a reduction with keepdims. */
  static long[] keptShape(long[] shape, int[] axes) {
    long[] kept = shape.clone();
    for (int a : axes) {
      kept[a] = 1;
    }
    return kept;
  }

  private static INDArray expandBack(INDArray g, long[] inShape, int[] axes) {
    return Broadcast.to(g.reshape(keptShape(inShape, axes)), inShape);
  }

  /**
   * {@return the sum of {@code a} over {@code axes} (all axes when none)}
   *
   * @param a the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor sum(Tensor a, boolean keepDims, int... axes) {
    INDArray x = a.value();
    long[] in = x.shape();
    int[] ax = axes(x.rank(), axes);
    INDArray out = x.sum(keepDims, ax);
    return recordOp(reduction("sum", ax, keepDims), out, g -> new INDArray[] {expandBack(g, in, ax).dup()}, a);
  }

  /**
   * {@return the sum of all elements of {@code a}, a scalar}
   *
   * @param a the input
   */
  public static Tensor sum(Tensor a) {
    return sum(a, false);
  }

  /**
   * {@return the mean of {@code a} over {@code axes} (all axes when none)}
   *
   * @param a the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor mean(Tensor a, boolean keepDims, int... axes) {
    INDArray x = a.value();
    long[] in = x.shape();
    int[] ax = axes(x.rank(), axes);
    long n = 1;
    for (int i : ax) {
      n *= in[i];
    }
    double scale = 1.0 / n;
    INDArray out = x.mean(keepDims, ax);
    return recordOp(reduction("mean", ax, keepDims), out, g -> new INDArray[] {expandBack(g, in, ax).mul(scale)}, a);
  }

  /**
   * {@return the mean of all elements of {@code a}, a scalar}
   *
   * @param a the input
   */
  public static Tensor mean(Tensor a) {
    return mean(a, false);
  }

  /**
   * {@return whether any element over the axes is non-zero, as booleans (a mask; no gradient)}
   *
   * @param a the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor any(Tensor a, boolean keepDims, int... axes) {
    INDArray x = a.value();
    int[] ax = axes(x.rank(), axes);
    INDArray kept = x.castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE).max(true, ax);
    INDArray out = (keepDims ? kept : kept.reshape(dropAxes(x.shape(), ax))).castTo(DataType.BOOL);
    return recordOp(reduction("any", ax, keepDims), out, null, a);
  }

  /**
   * {@return max over axes; ties share the gradient equally}
   *
   * @param a the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor max(Tensor a, boolean keepDims, int... axes) {
    return extreme(a, keepDims, true, axes);
  }

  /**
   * {@return the minimum of {@code a} over {@code axes}; ties share the gradient equally}
   *
   * @param a the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor min(Tensor a, boolean keepDims, int... axes) {
    return extreme(a, keepDims, false, axes);
  }

  private static Tensor extreme(Tensor a, boolean keepDims, boolean max, int... axes) {
    INDArray x = a.value();
    long[] in = x.shape();
    int[] ax = axes(x.rank(), axes);
    INDArray kept = max ? x.max(true, ax) : x.min(true, ax);
    INDArray out = keepDims ? kept : kept.reshape(dropAxes(in, ax));
    return recordOp(reduction(max ? "max" : "min", ax, keepDims), out, g -> {
      INDArray hit = x.eq(Broadcast.to(kept, in)).castTo(x.dataType());
      INDArray count = Broadcast.to(hit.sum(true, ax), in);
      return new INDArray[] {expandBack(g, in, ax).mul(hit).divi(count)};
    }, a);
  }

  /**
   * {@return {@code log(sum(exp(a)))} over axes, computed stably}
   *
   * @param a the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor logSumExp(Tensor a, boolean keepDims, int... axes) {
    INDArray x = a.value();
    long[] in = x.shape();
    int[] ax = axes(x.rank(), axes);
    INDArray m = x.max(true, ax);
    INDArray shifted = Transforms.exp(x.sub(Broadcast.to(m, in)), false);
    INDArray kept = Transforms.log(shifted.sum(true, ax), false).addi(m);
    INDArray out = keepDims ? kept : kept.reshape(dropAxes(in, ax));
    return recordOp(reduction("logsumexp", ax, keepDims), out, g -> {
      INDArray soft = Transforms.exp(x.sub(Broadcast.to(kept, in)), false);
      return new INDArray[] {expandBack(g, in, ax).mul(soft)};
    }, a);
  }

  static long[] dropAxes(long[] shape, int[] axes) {
    long[] out = new long[shape.length - axes.length];
    int n = 0;
    outer:
    for (int i = 0; i < shape.length; i++) {
      for (int a : axes) {
        if (a == i) {
          continue outer;
        }
      }
      out[n++] = shape[i];
    }
    return out;
  }

  /**
   * {@return index of the maximum along {@code axis} (not differentiable)}
   *
   * @param a the input
   * @param axis the axis, negative from the end
   */
  public static Tensor argmax(Tensor a, int axis) {
    int ax = axis < 0 ? axis + a.rank() : axis;
    return recordOp(OpDesc.of("argmax", "axis", ax), Nd4j.argMax(a.value(), ax), null, a);
  }
}
