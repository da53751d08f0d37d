package org.jeras.core.plan;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jeras.core.ops.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.Pow;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The plan kernels, by Jeras op name ({@link org.jeras.core.graph.OpDesc#name()}). Each computes
 * what the eager op computes, with the same ND4J ops where the eager op uses them, into the
 * frame's buffers: custom ops through {@link Kernels} (one reused native context per op and
 * thread), legacy ND4J ops built once per frame, 2-d products straight in BLAS.
 */
final class PlanKernels {
  private static final Map<String, PlanKernel> KERNELS = new HashMap<>();
  private static final double[] RELU_THRESHOLD = {0.0};

  private PlanKernels() {}

  /** The kernel of op {@code name}, or null. */
  static PlanKernel get(String name) {
    return KERNELS.get(name);
  }

  /** The op names with a plan kernel, sorted. */
  static Set<String> supported() {
    return Collections.unmodifiableSet(new TreeSet<>(KERNELS.keySet()));
  }

  static {
    KERNELS.put("matmul", PlanKernels::matmul);
    KERNELS.put("affine", PlanKernels::affine);
    for (String op : new String[] {"add", "subtract", "multiply", "divide", "maximum", "minimum"}) {
      KERNELS.put(op, b -> {
        b.requireSameDtype();
        INDArray x = b.in(0);
        INDArray y = b.in(1);
        INDArray out = b.out();
        return () -> Kernels.exec(op, out, x, y);
      });
    }
    KERNELS.put("add_scalar", b -> legacy(b, new ScalarAdd(b.in(0), null, b.out(), b.op().getDouble("value"))));
    KERNELS.put("multiply_scalar",
        b -> legacy(b, new ScalarMultiplication(b.in(0), null, b.out(), b.op().getDouble("value"))));
    KERNELS.put("rsub_scalar",
        b -> legacy(b, new ScalarReverseSubtraction(b.in(0), null, b.out(), b.op().getDouble("value"))));
    KERNELS.put("power_scalar", b -> legacy(b, new Pow(b.in(0), b.out(), b.op().getDouble("exponent"))));
    KERNELS.put("exp", b -> legacy(b, new Exp(b.in(0), b.out())));
    KERNELS.put("log", b -> legacy(b, new Log(b.in(0), b.out())));
    KERNELS.put("sqrt", b -> legacy(b, new Sqrt(b.in(0), b.out())));
    KERNELS.put("square", b -> legacy(b, new Square(b.in(0), b.out())));
    KERNELS.put("negative", b -> legacy(b, new Negative(b.in(0), b.out())));
    KERNELS.put("abs", b -> legacy(b, new Abs(b.in(0), b.out())));
    KERNELS.put("sigmoid", b -> legacy(b, new Sigmoid(b.in(0), b.out())));
    KERNELS.put("tanh", b -> legacy(b, new Tanh(b.in(0), b.out())));
    KERNELS.put("relu", b -> {
      b.requireSameDtype();
      INDArray x = b.in(0);
      INDArray out = b.out();
      return () -> Kernels.execDoubles("relu", out, RELU_THRESHOLD, x);
    });
    KERNELS.put("silu", b -> {
      // x * sigmoid(x), as the eager op computes it.
      b.requireSameDtype();
      INDArray x = b.in(0);
      INDArray out = b.out();
      Op sigmoid = new Sigmoid(x, out);
      return () -> {
        Nd4j.getExecutioner().exec(sigmoid);
        Kernels.exec("multiply", out, x, out);
      };
    });
    KERNELS.put("softmax", b -> {
      b.requireSameDtype();
      INDArray x = b.in(0);
      INDArray out = b.out();
      long[] axis = {b.op().getLong("axis")};
      return () -> Kernels.execInts("softmax", out, axis, x);
    });
    KERNELS.put("cast", b -> {
      INDArray x = b.in(0);
      INDArray out = b.out();
      return () -> out.assign(x);
    });
    KERNELS.put("reshape", PlanKernels::reshape);
    KERNELS.put("transpose", b -> {
      long[] perm = Arrays.stream(ints(b.op().get("perm"))).asLongStream().toArray();
      INDArray x = b.in(0);
      INDArray out = b.out();
      return () -> Kernels.execInts("permute", out, perm, x);
    });
    KERNELS.put("concat", PlanKernels::concat);
    KERNELS.put("conv", b -> conv(b, "conv2d"));
    KERNELS.put("depthwise_conv", b -> conv(b, "depthwise_conv2d"));
    KERNELS.put("max_pool", b -> pool(b, "maxpool2d"));
    KERNELS.put("sum", b -> reduce(b, false));
    KERNELS.put("mean", b -> reduce(b, true));
    // Filled arrays depend on their input's shape only, which a plan fixes: filled once, no step.
    KERNELS.put("zeros", b -> {
      b.alias(b.out().assign(0));
      return null;
    });
    KERNELS.put("full_like", b -> {
      b.alias(b.out().assign(b.op().getDouble("value")));
      return null;
    });
    KERNELS.put("gelu", PlanKernels::gelu);
    KERNELS.put("avg_pool", b -> pool(b, "avgpool2d"));
  }

  /** A legacy ND4J op built once over the frame's arrays and re-executed on every run. */
  private static Step legacy(Binding b, Op op) {
    b.requireSameDtype();
    return () -> Nd4j.getExecutioner().exec(op);
  }

  private static Step matmul(Binding b) {
    b.requireSameDtype();
    INDArray x = b.in(0);
    INDArray y = b.in(1);
    INDArray out = b.out();
    if (x.rank() == 2 && y.rank() == 2 && Kernels.blasDtypes(x, y, out)) {
      return () -> Kernels.matmulInto(x, false, y, false, out);
    }
    if (x.rank() == y.rank() && x.rank() > 2) {
      return () -> Kernels.exec("matmul", out, x, y);
    }
    throw b.unplannable("shapes " + Arrays.toString(x.shape()) + " @ " + Arrays.toString(y.shape()));
  }

  private static Step affine(Binding b) {
    b.requireSameDtype();
    INDArray x = b.in(0);
    INDArray w = b.in(1);
    INDArray bias = b.in(2);
    INDArray out = b.out();
    if (x.rank() != 2 || w.rank() != 2 || bias.rank() != 1 || !Kernels.blasDtypes(x, w, out)) {
      throw b.unplannable("shapes " + Arrays.toString(x.shape()) + " @ " + Arrays.toString(w.shape()));
    }
    return () -> {
      Kernels.matmulInto(x, false, w, false, out);
      Kernels.exec("biasadd", out, out, bias);
    };
  }

  /** A reshape of a dense array is a view of its buffer: no step at all. */
  private static Step reshape(Binding b) {
    INDArray x = b.in(0);
    if (dense(x)) {
      b.alias(x.reshape('c', b.outShape()));
      return null;
    }
    // A view (a variable laid out otherwise, say): copied per run into a buffer of the output's shape.
    INDArray out = b.out();
    INDArray target = out.reshape('c', x.shape());
    return () -> target.assign(x);
  }

  private static Step concat(Binding b) {
    b.requireSameDtype();
    INDArray out = b.out();
    int axis = Math.toIntExact(b.op().getLong("axis"));
    INDArray[] parts = new INDArray[b.arity()];
    INDArray[] views = new INDArray[b.arity()];
    long start = 0;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = b.in(i);
      long size = parts[i].size(axis);
      INDArrayIndex[] idx = new INDArrayIndex[out.rank()];
      for (int d = 0; d < idx.length; d++) {
        idx[d] = d == axis ? NDArrayIndex.interval(start, start + size) : NDArrayIndex.all();
      }
      views[i] = out.get(idx);
      start += size;
    }
    return () -> {
      for (int i = 0; i < parts.length; i++) {
        views[i].assign(parts[i]);
      }
    };
  }

  /**
   * A 1-d or 2-d, ungrouped convolution on ND4J's NHWC {@code conv2d} / {@code depthwise_conv2d}
   * with Keras's kernel layout; a 1-d one runs on height-1 views, uneven padding through a
   * zero-bordered buffer whose interior is refilled on every run.
   */
  private static Step conv(Binding b, String nativeOp) {
    b.requireSameDtype();
    if (b.op().getLong("groups") != 1) {
      throw b.unplannable("grouped convolution");
    }
    INDArray x = b.in(0);
    INDArray w = b.in(1);
    INDArray out = b.out();
    int[] strides = ints(b.op().get("strides"));
    int[][] pads = b.op().getIntPairs("pads");
    int[] dilation = ints(b.op().get("dilation"));
    boolean oneD = x.rank() == 3;
    if (!(oneD || x.rank() == 4)) {
      throw b.unplannable("input of rank " + x.rank());
    }
    // Operands that are views (a kernel reshaped from a variable, say) are copied into dense buffers per run.
    INDArray xSrc = x;
    INDArray wSrc = w;
    x = dense(x) ? x : Nd4j.createUninitialized(x.dataType(), x.shape());
    w = dense(w) ? w : Nd4j.createUninitialized(w.dataType(), w.shape());
    Step copy = copies(xSrc, x, wSrc, w);
    INDArray xn = oneD ? x.reshape('c', x.size(0), 1, x.size(1), x.size(2)) : x;
    INDArray wn = oneD ? w.reshape('c', 1, w.size(0), w.size(1), w.size(2)) : w;
    INDArray on = oneD ? out.reshape('c', out.size(0), 1, out.size(1), out.size(2)) : out;
    int[][] p = oneD ? new int[][] {{0, 0}, pads[0]} : pads;
    int[] s = oneD ? new int[] {1, strides[0]} : strides;
    int[] d = oneD ? new int[] {1, dilation[0]} : dilation;
    boolean symmetric = p[0][0] == p[0][1] && p[1][0] == p[1][1];
    long[] iArgs = {wn.size(0), wn.size(1), s[0], s[1], symmetric ? p[0][0] : 0, symmetric ? p[1][0] : 0, d[0], d[1],
        0, 1, 0};
    if (symmetric) {
      return () -> {
        copy.run();
        Kernels.execInts(nativeOp, on, iArgs, xn, wn);
      };
    }
    INDArray padded = Nd4j.zeros(xn.dataType(), xn.size(0), xn.size(1) + p[0][0] + p[0][1],
        xn.size(2) + p[1][0] + p[1][1], xn.size(3));
    INDArray interior = padded.get(NDArrayIndex.all(), NDArrayIndex.interval(p[0][0], p[0][0] + xn.size(1)),
        NDArrayIndex.interval(p[1][0], p[1][0] + xn.size(2)), NDArrayIndex.all());
    return () -> {
      copy.run();
      interior.assign(xn);
      Kernels.execInts(nativeOp, on, iArgs, padded, wn);
    };
  }

  /** 2-d pooling with even padding on ND4J's NHWC ops (the average excludes padding), as eager. */
  private static Step pool(Binding b, String nativeOp) {
    b.requireSameDtype();
    INDArray x = b.in(0);
    int[] size = ints(b.op().get("pool_size"));
    int[] strides = ints(b.op().get("strides"));
    int[][] pads = b.op().getIntPairs("pads");
    if (x.rank() != 4 || pads[0][0] != pads[0][1] || pads[1][0] != pads[1][1] || !dense(x)) {
      throw b.unplannable("only 2-d pooling with even padding is planned");
    }
    INDArray out = b.out();
    long[] iArgs = {size[0], size[1], strides[0], strides[1], pads[0][0], pads[1][0], 1, 1, 0, 0, 1};
    return () -> Kernels.execInts(nativeOp, out, iArgs, x);
  }

  /** Copies each source into its dense stand-in where they differ (a no-op step otherwise). */
  private static Step copies(INDArray x, INDArray xDense, INDArray w, INDArray wDense) {
    boolean cx = x != xDense;
    boolean cw = w != wDense;
    return () -> {
      if (cx) {
        xDense.assign(x);
      }
      if (cw) {
        wDense.assign(w);
      }
    };
  }

  /**
   * {@code sum} or {@code mean} over the {@code axes} attribute, as the eager op computes it
   * (ND4J's reduction into a given result), into the output or a view of it without the unit
   * dimensions {@code keepdims} leaves.
   */
  private static Step reduce(Binding b, boolean mean) {
    b.requireSameDtype();
    INDArray x = b.in(0);
    INDArray out = b.out();
    int[] axes = ints(b.op().get("axes"));
    long[] target = reduced(x.shape(), axes);
    if (x.isEmpty() || axes.length == 0 || out.length() != Arrays.stream(target).reduce(1, (p, q) -> p * q)) {
      throw b.unplannable("empty input, no axes or unexpected output shape");
    }
    INDArray view = out.reshape('c', target);
    return mean ? () -> x.mean(view, axes) : () -> x.sum(view, axes);
  }

  /** {@code shape} without the dimensions in {@code axes}. */
  private static long[] reduced(long[] shape, int[] axes) {
    long[] out = new long[shape.length - axes.length];
    for (int i = 0, j = 0; i < shape.length; i++) {
      final int d = i;
      if (Arrays.stream(axes).noneMatch(a -> a == d)) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  /** GELU, exact (through erf) or tanh-approximated, in the eager op's order of operations. */
  private static Step gelu(Binding b) {
    b.requireSameDtype();
    INDArray x = b.in(0);
    INDArray out = b.out();
    INDArray t = Nd4j.createUninitialized(x.dataType(), x.shape());
    if (b.op().getBool("approximate")) {
      double c = Math.sqrt(2.0 / Math.PI);
      Op[] ops = {new ScalarMultiplication(t, null, t, 0.044715), new ScalarAdd(t, null, t, 1.0),
          new ScalarMultiplication(t, null, t, c), new Tanh(t, t), new ScalarAdd(t, null, t, 1.0),
          new ScalarMultiplication(out, null, out, 0.5)};
      return () -> {
        Kernels.exec("multiply", t, x, x);
        Nd4j.getExecutioner().exec(ops[0]);
        Nd4j.getExecutioner().exec(ops[1]);
        Kernels.exec("multiply", t, t, x);
        Nd4j.getExecutioner().exec(ops[2]);
        Nd4j.getExecutioner().exec(ops[3]);
        Nd4j.getExecutioner().exec(ops[4]);
        Kernels.exec("multiply", out, t, x);
        Nd4j.getExecutioner().exec(ops[5]);
      };
    }
    Op[] ops = {new ScalarMultiplication(x, null, t, 1.0 / Math.sqrt(2.0)),
        new org.nd4j.linalg.api.ops.impl.transforms.strict.Erf(t, t), new ScalarAdd(t, null, t, 1.0),
        new ScalarMultiplication(t, null, t, 0.5)};
    return () -> {
      for (Op op : ops) {
        Nd4j.getExecutioner().exec(op);
      }
      Kernels.exec("multiply", out, x, t);
    };
  }

  /** A dimension-list attribute given as {@code int[]} or {@code long[]}. */
  private static int[] ints(Object v) {
    return v instanceof long[] l ? Arrays.stream(l).mapToInt(Math::toIntExact).toArray() : (int[]) v;
  }

  /** C-order with default strides from the start of its buffer, so views of it share that buffer. */
  static boolean dense(INDArray a) {
    return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) && a.offset() == 0;
  }
}
