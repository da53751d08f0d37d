package org.jeras.core.ops;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast paths under the differentiable ops, with ND4J's exact results. ND4J's ordinary API
 * builds and frees a native op context for every call (10-80 us); here each thread keeps one
 * {@link DynamicCustomOp} and one {@link OpContext} per op name and only swaps the arrays
 * (2-3 us). Matrix products on the CPU backend go straight to its OpenBLAS.
 *
 * <p>Internal to Jeras's ops, layers and optimizers: arguments are not validated beyond what
 * ND4J checks, except {@link #matmul}, whose BLAS call trusts its sizes ({@link Checks}).
 */
public final class Kernels {
  private static final long[] NO_INTS = new long[0];
  private static final double[] NO_DOUBLES = new double[0];
  private static final long[] ROW_AXIS = {0};
  private static final boolean CPU_BLAS = cpuBlasAvailable();
  private static final ThreadLocal<Map<String, Cached>> CACHE = ThreadLocal.withInitial(HashMap::new);

  private Kernels() {}

  /** One reusable op and context; arguments are re-sent only when they change. */
  private static final class Cached {
    final DynamicCustomOp op;
    final OpContext context;
    long[] ints = NO_INTS;
    double[] doubles = NO_DOUBLES;

    Cached(String name) {
      op = DynamicCustomOp.builder(name).build();
      context = Nd4j.getExecutioner().buildContext();
    }
  }

  private static boolean cpuBlasAvailable() {
    try {
      return Nd4j.getEnvironment().isCPU() && Class.forName("org.bytedeco.openblas.global.openblas_nolapack") != null;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Runs the ND4J custom op {@code name} on {@code inputs} into the preallocated {@code outputs}.
   *
   * @param name the ND4J op's name
   * @param inputs the inputs
   * @param outputs the outputs
   * @param ints the integer arguments
   * @param doubles the floating arguments
   */
  public static void exec(String name, INDArray[] inputs, INDArray[] outputs, long[] ints, double[] doubles) {
    Cached c = CACHE.get().computeIfAbsent(name, Cached::new);
    OpContext ctx = c.context;
    if (!Arrays.equals(c.ints, ints)) {
      ctx.setIArguments(ints);
      c.ints = ints.clone();
    }
    if (!Arrays.equals(c.doubles, doubles)) {
      ctx.setTArguments(doubles);
      c.doubles = doubles.clone();
    }
    ctx.setInputArrays(inputs);
    ctx.setOutputArrays(outputs);
    Nd4j.getExecutioner().exec(c.op, ctx);
  }

  /**
   * {@link #exec} of a one-output op without arguments; returns {@code out}.
   *
   * @param name the ND4J op's name
   * @param out the output array
   * @param inputs the inputs
   * @return {@code out}
   */
  public static INDArray exec(String name, INDArray out, INDArray... inputs) {
    exec(name, inputs, new INDArray[] {out}, NO_INTS, NO_DOUBLES);
    return out;
  }

  /**
   * {@link #exec} of a one-output op with integer arguments; returns {@code out}.
   *
   * @param name the ND4J op's name
   * @param out the output array
   * @param ints the integer arguments
   * @param inputs the inputs
   * @return {@code out}
   */
  public static INDArray execInts(String name, INDArray out, long[] ints, INDArray... inputs) {
    exec(name, inputs, new INDArray[] {out}, ints, NO_DOUBLES);
    return out;
  }

  /**
   * {@link #exec} of a one-output op with floating arguments; returns {@code out}.
   *
   * @param name the ND4J op's name
   * @param out the output array
   * @param doubles the floating arguments
   * @param inputs the inputs
   * @return {@code out}
   */
  public static INDArray execDoubles(String name, INDArray out, double[] doubles, INDArray... inputs) {
    exec(name, inputs, new INDArray[] {out}, NO_INTS, doubles);
    return out;
  }

  /**
   * {@return a new c-order array, contents undefined}
   *
   * @param dtype the dtype
   * @param shape the shape
   */
  public static INDArray empty(DataType dtype, long... shape) {
    return Nd4j.createUninitialized(dtype, shape);
  }

  /**
   * {@return {@code op(a) @ op(b)} of 2-d arrays into a new c-order array; {@code op} transposes when
   * asked, without copying}
   *
   * @param a the first operand
   * @param transA whether to transpose {@code a}
   * @param b the second operand
   * @param transB whether to transpose {@code b}
   */
  public static INDArray matmul(INDArray a, boolean transA, INDArray b, boolean transB) {
    // OpenBLAS trusts m, n, k: a mismatch would read past b (garbage, or a SIGSEGV when far enough).
    Checks.matmul2d(a, transA, b, transB);
    long m = transA ? a.size(1) : a.size(0);
    long n = transB ? b.size(0) : b.size(1);
    long k = transA ? a.size(0) : a.size(1);
    if (a.dataType() != b.dataType() || !blasType(a.dataType()) || m == 0 || n == 0 || k == 0) {
      // Mixed or integer dtypes, empty operands: the ordinary API, with its promotion rules.
      return (transA ? a.transpose() : a).mmul(transB ? b.transpose() : b);
    }
    INDArray c = Nd4j.createUninitialized(a.dataType(), m, n);
    gemm(a, transA, b, transB, c);
    return c;
  }

  /**
   * {@code c = op(a) @ op(b)} into the preallocated 2-d c-order {@code c}, for same-dtype float or
   * double operands whose sizes the caller has checked ({@link Checks#matmul2d}).
   *
   * @param a the first operand
   * @param transA whether to transpose {@code a}
   * @param b the second operand
   * @param transB whether to transpose {@code b}
   * @param c the output array
   */
  public static void matmulInto(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
    Checks.matmul2d(a, transA, b, transB);
    gemm(a, transA, b, transB, c);
  }

  private static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
    if (CPU_BLAS && denseRowMajor(a) && denseRowMajor(b) && denseRowMajor(c)) {
      CpuBlas.gemm(a, transA, b, transB, c);
      return;
    }
    Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
  }

  /**
   * {@return whether {@link #matmulInto} takes these dtypes}
   *
   * @param a the first operand
   * @param b the second operand
   * @param c the output array
   */
  public static boolean blasDtypes(INDArray a, INDArray b, INDArray c) {
    return a.dataType() == b.dataType() && b.dataType() == c.dataType() && blasType(a.dataType());
  }

  /**
   * {@return the sum of {@code a} over {@code axes} (sorted, distinct), without the reduced dimensions}
   *
   * @param a the input
   * @param axes the axes, negative from the end
   */
  public static INDArray sum(INDArray a, int[] axes) {
    long[] shape = a.shape();
    long[] out = new long[shape.length - axes.length];
    long[] ax = new long[axes.length];
    for (int i = 0, j = 0, k = 0; i < shape.length; i++) {
      if (k < axes.length && axes[k] == i) {
        ax[k++] = i;
      } else {
        out[j++] = shape[i];
      }
    }
    if (a.isEmpty()) {
      return a.sum(axes);
    }
    return execInts("reduce_sum", Nd4j.createUninitialized(a.dataType(), out), ax, a);
  }

  /**
   * {@return the sum over the rows of a 2-d array: shape {@code [columns]}}
   *
   * @param a the input
   */
  public static INDArray sumRows(INDArray a) {
    return execInts("reduce_sum", Nd4j.createUninitialized(a.dataType(), a.size(1)), ROW_AXIS, a);
  }

  private static boolean blasType(DataType t) {
    return t == DataType.FLOAT || t == DataType.DOUBLE;
  }

  /**
   * Whether every array lives in host memory on the CPU backend, c-contiguous from the start of
   * its own buffer, so that Java may loop over {@code data().asNioFloat()} directly.
   *
   * @param arrays the arrays
   * @return whether Java may loop over the arrays' buffers
   */
  public static boolean hostDense(INDArray... arrays) {
    if (!CPU_BLAS) {
      return false;
    }
    for (INDArray a : arrays) {
      if (a.offset() != 0 || a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a)
          || a.data().offset() != 0 || a.length() > Integer.MAX_VALUE || a.data().length() != a.length()) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code a} is a 2-d array laid out row-major and contiguous from its buffer's start. */
  static boolean denseRowMajor(INDArray a) {
    return a.rank() == 2 && a.offset() == 0 && a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)
        && a.data().offset() == 0 && a.data().length() >= a.length() && a.size(1) < Integer.MAX_VALUE
        && a.size(0) < Integer.MAX_VALUE;
  }
}
