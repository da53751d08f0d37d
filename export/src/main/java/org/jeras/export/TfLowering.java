package org.jeras.export;

import static org.jeras.export.TfFunction.b;
import static org.jeras.export.TfFunction.f;
import static org.jeras.export.TfFunction.i;
import static org.jeras.export.TfFunction.ints;
import static org.jeras.export.TfFunction.s;
import static org.jeras.export.TfFunction.type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.tensor.DType;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;

/**
 * Lowers a traced {@link OpGraph} to a TensorFlow function ({@link FunctionDef}), the second
 * lowering of the same graph next to {@link OnnxLowering}: each Jeras op becomes one or a few
 * TensorFlow ops, graph inputs become the function's tensor arguments, variables become trailing
 * resource arguments read with {@code ReadVariableOp} (the captures a SavedModel binds to its
 * variables), literals become {@code Const} nodes. Jeras's channels_last layout is TensorFlow's
 * native one, so convolutions and poolings need no transposes. An op with no rule here fails the
 * export with an {@link ExportException} listing it.
 */
final class TfLowering {
  private TfLowering() {}

  /** Lowers one node; returns the reference of the TensorFlow value holding its output. */
  @FunctionalInterface
  interface Rule {
    String lower(Ctx c, OpGraph.Node n);
  }

  private static final LoweringRules<Rule> RULES = new LoweringRules<>();

  /** {@return the Jeras ops this lowering handles} */
  static Set<String> supportedOps() {
    return RULES.supportedOps();
  }

  /**
   * {@return the distinct ops of {@code graph} with no TensorFlow lowering, sorted}
   *
   * @param graph the traced graph
   */
  static Set<String> missingOps(OpGraph graph) {
    return RULES.missingOps(graph);
  }

  /**
   * The function {@code name} computing {@code graph}: tensor arguments named {@code argNames}, then one
   * resource argument per variable of {@code graph.variables()} in that order; outputs {@code output_i}.
   */
  static FunctionDef lower(String name, OpGraph graph, List<String> argNames) {
    Set<String> missing = missingOps(graph);
    if (!missing.isEmpty()) {
      List<String> where = new ArrayList<>();
      for (OpGraph.Node n : graph.nodes()) {
        if (missing.contains(n.op().name())) {
          where.add(n.op().name() + " (layer '" + n.layerPath() + "')");
        }
      }
      throw new ExportException("Cannot export to a TensorFlow SavedModel: no TensorFlow lowering yet for op(s) "
          + missing + ", used by " + where.stream().distinct().toList());
    }
    Ctx c = new Ctx(new TfFunction(name), graph);
    for (int k = 0; k < graph.inputs().size(); k++) {
      OpGraph.Value v = graph.inputs().get(k).value();
      c.refs.put(v.id(), c.fn.input(argNames.get(k), v.dtype(), v.shape()));
    }
    Map<org.jeras.core.tensor.Variable, String> handles = new LinkedHashMap<>();
    int r = 0;
    for (org.jeras.core.tensor.Variable var : graph.variables()) {
      if (!handles.containsKey(var)) {
        handles.put(var, c.fn.resource("resource_" + r++, var.dtype(), var.shape().dims()));
      }
    }
    for (OpGraph.Constant k : graph.constants()) {
      String ref;
      if (k.variable() != null) {
        ref = c.fn.node("ReadVariableOp", List.of(handles.get(k.variable())),
            Map.of("dtype", type(k.variable().dtype())));
      } else {
        ref = c.fn.constant(k.literal(), k.name());
      }
      c.refs.put(k.value().id(), ref);
    }
    for (OpGraph.Node n : graph.nodes()) {
      try {
        c.refs.put(n.output().id(), RULES.get(n.op().name()).lower(c, n));
      } catch (ExportException | IllegalArgumentException e) {
        throw new ExportException("Cannot export op " + n.op() + " of layer '" + n.layerPath()
            + "' to a TensorFlow SavedModel: " + e.getMessage(), e);
      }
    }
    for (int k = 0; k < graph.outputs().size(); k++) {
      OpGraph.Value v = graph.outputs().get(k);
      String id = c.op("Identity", v.dtype(), c.refs.get(v.id()));
      c.fn.output("output_" + k, v.dtype(), id);
    }
    return c.fn.build();
  }

  /** The lowering state: the function being built and the reference of each lowered value. */
  static final class Ctx extends LoweringContext {
    final TfFunction fn;

    Ctx(TfFunction fn, OpGraph graph) {
      super(graph);
      this.fn = fn;
    }

    @Override
    String cast(String ref, DType from, DType to) {
      return from == to ? ref : fn.node("Cast", List.of(ref), Map.of("SrcT", type(from), "DstT", type(to),
          "Truncate", b(false)));
    }

    /** Op {@code op} with type attribute {@code T = t} over {@code inputs}. */
    String op(String op, DType t, String... inputs) {
      return fn.node(op, List.of(inputs), Map.of("T", type(t)));
    }

    /** Op {@code op} with {@code T = t} and more attributes given as alternating keys and values. */
    String op(String op, DType t, List<String> inputs, Object... attrs) {
      Map<String, AttrValue> m = new HashMap<>();
      m.put("T", type(t));
      for (int k = 0; k < attrs.length; k += 2) {
        m.put((String) attrs[k], (AttrValue) attrs[k + 1]);
      }
      return fn.node(op, inputs, m);
    }

    /** {@code op(x, y)} of two values of dtype {@code t}. */
    String bin(String op, DType t, String x, String y) {
      return op(op, t, x, y);
    }

    String scalar(double v, DType t) {
      return fn.constant(TfTypes.scalar(v, t));
    }

    String scalar(double v, OpGraph.Node n) {
      return scalar(v, n.output().dtype());
    }

    /** A 1-d int32 constant. */
    String ints(long... v) {
      return fn.constant(TfTypes.ints(v));
    }

    /** {@code Shape(x)} as int32. */
    String shape(String x, DType t) {
      return fn.node("Shape", List.of(x), Map.of("T", type(t), "out_type", type(DType.INT32)));
    }

    /** {@code x[.., begin:end, ..]} along {@code axis} of a rank-{@code rank} value; {@code shrink} drops the axis. */
    String stridedSlice(String x, DType t, int rank, int axis, long begin, long end, boolean shrink) {
      long[] bs = new long[rank];
      long[] es = new long[rank];
      long[] st = new long[rank];
      Arrays.fill(st, 1);
      bs[axis] = begin;
      es[axis] = end;
      long mask = ((1L << rank) - 1) & ~(1L << axis);
      return fn.node("StridedSlice", List.of(x, ints(bs), ints(es), ints(st)), Map.of("T", type(t),
          "Index", type(DType.INT32), "begin_mask", i(mask), "end_mask", i(mask), "ellipsis_mask", i(0),
          "new_axis_mask", i(0), "shrink_axis_mask", i(shrink ? 1L << axis : 0)));
    }

    String concat(List<String> parts, DType t, long axis) {
      return fn.node("ConcatV2", withLast(parts, ints0(axis)), Map.of("T", type(t), "N", i(parts.size()),
          "Tidx", type(DType.INT32)));
    }

    String expandDims(String x, DType t, long axis) {
      return fn.node("ExpandDims", List.of(x, ints0(axis)), Map.of("T", type(t), "Tdim", type(DType.INT32)));
    }

    String squeeze(String x, DType t, long... axes) {
      return fn.node("Squeeze", List.of(x), Map.of("T", type(t), "squeeze_dims", TfFunction.ints(axes)));
    }

    String reshape(String x, DType t, long[] shape) {
      long dynamic = Arrays.stream(shape).filter(d -> d < 0).count();
      if (dynamic > 1) {
        throw new ExportException("a reshape to " + Arrays.toString(shape) + " has more than one dynamic dimension");
      }
      return fn.node("Reshape", List.of(x, ints(shape)), Map.of("T", type(t), "Tshape", type(DType.INT32)));
    }

    String transpose(String x, DType t, long... perm) {
      return fn.node("Transpose", List.of(x, ints(perm)), Map.of("T", type(t), "Tperm", type(DType.INT32)));
    }

    /** {@code op(x, axes, keep_dims)} for Sum, Mean, Max, Min. */
    String reduce(String op, String x, DType t, long[] axes, boolean keep) {
      return fn.node(op, List.of(x, ints(axes)), Map.of("T", type(t), "Tidx", type(DType.INT32), "keep_dims", b(keep)));
    }

    String select(String cond, String yes, String no, DType t) {
      return op("SelectV2", t, cond, yes, no);
    }

    /** A scalar int32 constant (an axis). */
    private String ints0(long v) {
      return fn.constant(TfTypes.tensor(org.nd4j.linalg.factory.Nd4j.scalar((int) v), "axis"));
    }
  }

  private static List<String> withLast(List<String> parts, String last) {
    List<String> all = new ArrayList<>(parts);
    all.add(last);
    return all;
  }

  // ------------------------------------------------------------------ the rules

  private static void unary(String op, String tf) {
    RULES.put(op, (c, n) -> c.op(tf, n.output().dtype(), c.inAs(n, 0)));
  }

  private static void binary(String op, String tf) {
    RULES.put(op, (c, n) -> c.op(tf, n.output().dtype(), c.inAs(n, 0), c.inAs(n, 1)));
  }

  /** {@code x op scalar} (or {@code scalar op x} when {@code scalarFirst}). */
  private static void withScalar(String op, String tf, String attr, boolean scalarFirst) {
    RULES.put(op, (c, n) -> {
      String s = c.scalar(n.op().getDouble(attr), n);
      String x = c.inAs(n, 0);
      DType t = n.output().dtype();
      return scalarFirst ? c.op(tf, t, s, x) : c.op(tf, t, x, s);
    });
  }

  private static long[] longs(int[] v) {
    return Arrays.stream(v).asLongStream().toArray();
  }

  /** Rule for an activation computed from its input {@code x} and the node. */
  @FunctionalInterface
  private interface Act {
    String of(Ctx c, OpGraph.Node n, String x, DType t);
  }

  private static void act(String op, Act a) {
    RULES.put(op, (c, n) -> a.of(c, n, c.inAs(n, 0), n.output().dtype()));
  }

  /** {@code tf} applied along {@code axis}, which TensorFlow's softmaxes only take last: transposed there and back. */
  private static String lastAxis(Ctx c, OpGraph.Node n, String tf) {
    return alongLastAxis(c, n, (x, t) -> c.op(tf, t, x));
  }

  /** {@code f} applied to the node's input with its {@code axis} moved last (a transpose there and back). */
  private static String alongLastAxis(Ctx c, OpGraph.Node n, java.util.function.BiFunction<String, DType, String> f) {
    int rank = c.val(n, 0).rank();
    long axis = n.op().getLong("axis");
    axis = axis < 0 ? axis + rank : axis;
    DType t = n.output().dtype();
    if (axis == rank - 1) {
      return f.apply(c.inAs(n, 0), t);
    }
    long[] perm = new long[rank];
    for (int k = 0; k < rank; k++) {
      perm[k] = k;
    }
    perm[(int) axis] = rank - 1;
    perm[rank - 1] = axis;
    return c.transpose(f.apply(c.transpose(c.inAs(n, 0), t, perm), t), t, perm);
  }

  /**
   * Sparsemax over the last axis of {@code x} (static size {@code d}): with {@code z} sorted descending
   * and {@code s} its running sum, the support is the {@code r <= d} where {@code 1 + r z_r > s_r};
   * {@code tau = (sum of z over the support - 1) / |support|} and the result is {@code relu(x - tau)}.
   */
  private static String sparsemax(Ctx c, String x, DType t, long d) {
    String sorted = c.fn.node("TopKV2", List.of(x, c.ints0(d)), Map.of("T", type(t), "sorted", b(true),
        "Tk", type(DType.INT32), "index_type", type(DType.INT32)));
    String running = c.fn.node("Cumsum", List.of(sorted, c.ints0(-1)), Map.of("T", type(t), "Tidx",
        type(DType.INT32), "exclusive", b(false), "reverse", b(false)));
    double[] ranks = new double[(int) d];
    for (int r = 0; r < d; r++) {
      ranks[r] = r + 1;
    }
    String r = c.fn.constant(org.nd4j.linalg.factory.Nd4j.createFromArray(ranks).castTo(t.nd4j()), "ranks");
    String inSupport = c.cast(greater(c, c.bin("AddV2", t, c.scalar(1, t), c.bin("Mul", t, r, sorted)), running, t),
        DType.BOOL, t);
    String size = c.reduce("Sum", inSupport, t, new long[] {-1}, true);
    String sum = c.reduce("Sum", c.bin("Mul", t, inSupport, sorted), t, new long[] {-1}, true);
    String tau = c.bin("RealDiv", t, c.bin("Sub", t, sum, c.scalar(1, t)), size);
    return c.op("Relu", t, c.bin("Sub", t, x, tau));
  }

  /** Zero {@code before/after} paddings of a channels_last value's spatial axes, or the input when there are none. */
  private static String padSpatial(Ctx c, String x, DType t, int[][] pads, double value) {
    boolean any = Arrays.stream(pads).anyMatch(p -> p[0] != 0 || p[1] != 0);
    if (!any) {
      return x;
    }
    int r = pads.length;
    org.nd4j.linalg.api.ndarray.INDArray p = org.nd4j.linalg.factory.Nd4j.zeros(
        org.nd4j.linalg.api.buffer.DataType.INT, r + 2, 2);
    for (int k = 0; k < r; k++) {
      p.putScalar(k + 1, 0, pads[k][0]);
      p.putScalar(k + 1, 1, pads[k][1]);
    }
    return c.op("PadV2", t, List.of(x, c.fn.constant(p, "paddings"), c.scalar(value, t)), "Tpaddings",
        type(DType.INT32));
  }

  /** {@code [1, s.., 1]}. */
  private static long[] nhwc(int[] spatial) {
    long[] v = new long[spatial.length + 2];
    Arrays.fill(v, 1);
    for (int k = 0; k < spatial.length; k++) {
      v[k + 1] = spatial[k];
    }
    return v;
  }

  /**
   * A 1-d convolution's or pooling's per-axis attribute for its 2-d form, which runs it over a unit
   * leading spatial axis: {@code unit} for that axis, then the 1-d value.
   */
  private static int[] as2d(int[] v, int unit) {
    return new int[] {unit, v[0]};
  }

  /** 1-d paddings for the 2-d form: none on the unit axis. */
  private static int[][] as2d(int[][] v) {
    return new int[][] {{0, 0}, v[0]};
  }

  /** Keras's channels_last convolution: explicit zero padding, then a VALID Conv2D / Conv3D (1-d runs as 2-d). */
  private static String conv(Ctx c, OpGraph.Node n, String x, String kernel, boolean depthwise) {
    OpDesc op = n.op();
    DType t = n.output().dtype();
    int rank = c.val(n, 0).rank();
    int[] strides = op.getInts("strides");
    int[] dilation = op.getInts("dilation");
    int[][] pads = op.getIntPairs("pads");
    boolean oneD = rank == 3;
    if (oneD) {
      x = c.expandDims(x, t, 1);
      kernel = c.expandDims(kernel, t, 0);
      strides = as2d(strides, 1);
      dilation = as2d(dilation, 1);
      pads = as2d(pads);
    }
    x = padSpatial(c, x, t, pads, 0.0);
    String y;
    if (depthwise) {
      if (rank == 5) {
        throw new ExportException("a 3-d depthwise convolution has no TensorFlow op");
      }
      y = c.op("DepthwiseConv2dNative", t, List.of(x, kernel), "strides", ints(nhwc(strides)), "padding", s("VALID"),
          "dilations", ints(nhwc(dilation)), "data_format", s("NHWC"), "explicit_paddings", ints());
    } else if (rank == 5) {
      y = c.op("Conv3D", t, List.of(x, kernel), "strides", ints(nhwc(strides)), "padding", s("VALID"),
          "dilations", ints(nhwc(dilation)), "data_format", s("NDHWC"));
    } else {
      y = c.op("Conv2D", t, List.of(x, kernel), "strides", ints(nhwc(strides)), "padding", s("VALID"),
          "dilations", ints(nhwc(dilation)), "data_format", s("NHWC"), "explicit_paddings", ints(),
          "use_cudnn_on_gpu", b(true));
    }
    return oneD ? c.squeeze(y, t, 1) : y;
  }

  /** A grouped convolution as one convolution per group over its channel slice, concatenated. */
  private static String groupedConv(Ctx c, OpGraph.Node n) {
    long groups = n.op().getLong("groups");
    String x = c.inAs(n, 0);
    String k = c.inAs(n, 1);
    long[] ks = c.val(n, 1).shape();
    if (groups == 1) {
      return conv(c, n, x, k, false);
    }
    DType t = n.output().dtype();
    int rank = c.val(n, 0).rank();
    long inPer = ks[ks.length - 2];
    long outPer = ks[ks.length - 1] / groups;
    List<String> parts = new ArrayList<>();
    for (long g = 0; g < groups; g++) {
      String xg = c.stridedSlice(x, t, rank, rank - 1, g * inPer, (g + 1) * inPer, false);
      String kg = c.stridedSlice(k, t, ks.length, ks.length - 1, g * outPer, (g + 1) * outPer, false);
      parts.add(conv(c, n, xg, kg, false));
    }
    return c.concat(parts, t, rank - 1);
  }

  /**
   * Keras's transposed convolution (kernel {@code [k.., out, in]}, TensorFlow's filter layout of the
   * input gradient): the full VALID output, then the {@code out_spatial} window starting
   * {@code pad_before}, zero-padded where it reaches past the full output.
   */
  private static String convTranspose(Ctx c, OpGraph.Node n) {
    OpDesc op = n.op();
    DType t = n.output().dtype();
    long[] xs = c.val(n, 0).shape();
    long[] ks = c.val(n, 1).shape();
    int rank = xs.length;
    int r = rank - 2;
    int[] strides = op.getInts("strides");
    int[] dilation = op.getInts("dilation");
    int[] before = op.getInts("pad_before");
    long[] out = op.getLongs("out_spatial");
    long[] full = new long[r];
    for (int d = 0; d < r; d++) {
      if (xs[d + 1] < 0 || out[d] < 0) {
        throw new ExportException("a transposed convolution over a dynamic spatial size");
      }
      full[d] = (xs[d + 1] - 1) * strides[d] + (long) dilation[d] * (ks[d] - 1) + 1;
    }
    String x = c.inAs(n, 0);
    String k = c.inAs(n, 1);
    boolean oneD = r == 1;
    long[] fullShape = oneD ? new long[] {1, full[0]} : full;
    int[] st = oneD ? as2d(strides, 1) : strides;
    int[] dl = oneD ? as2d(dilation, 1) : dilation;
    if (oneD) {
      x = c.expandDims(x, t, 1);
      k = c.expandDims(k, t, 0);
    }
    // input_sizes = [batch, full.., out channels], the batch read from x at run time.
    String batch = c.stridedSlice(c.shape(x, t), DType.INT32, 1, 0, 0, 1, false);
    long[] rest = new long[fullShape.length + 1];
    System.arraycopy(fullShape, 0, rest, 0, fullShape.length);
    rest[fullShape.length] = ks[ks.length - 2];
    String sizes = c.concat(List.of(batch, c.ints(rest)), DType.INT32, 0);
    String y;
    if (fullShape.length == 3) {
      y = c.op("Conv3DBackpropInputV2", t, List.of(sizes, k, x), "strides", ints(nhwc(st)), "padding", s("VALID"),
          "dilations", ints(nhwc(dl)), "data_format", s("NDHWC"), "Tshape", type(DType.INT32));
    } else {
      y = c.op("Conv2DBackpropInput", t, List.of(sizes, k, x), "strides", ints(nhwc(st)), "padding", s("VALID"),
          "dilations", ints(nhwc(dl)), "data_format", s("NHWC"), "explicit_paddings", ints(),
          "use_cudnn_on_gpu", b(true));
    }
    if (oneD) {
      y = c.squeeze(y, t, 1);
    }
    int[][] grow = new int[r][2];
    for (int d = 0; d < r; d++) {
      long end = Math.min(before[d] + out[d], full[d]);
      y = c.stridedSlice(y, t, rank, d + 1, before[d], end, false);
      grow[d][1] = (int) (before[d] + out[d] - end);
    }
    return padSpatial(c, y, t, grow, 0.0);
  }

  /**
   * The fused LSTM sequence (inputs x, kernel, recurrent kernel, [bias,] h0, c0; Keras's gate order
   * i, f, c, o, sigmoid gates, tanh cell) unrolled over its static time steps, its outputs packed
   * along time as the Jeras op packs them: {@code [h_0..h_T-1, h_last, c_last]}.
   */
  private static String lstm(Ctx c, OpGraph.Node n) {
    boolean bias = n.op().getBool("has_bias");
    int h0 = bias ? 4 : 3;
    DType t = n.output().dtype();
    long[] xs = c.val(n, 0).shape();
    long steps = xs[1];
    if (steps < 0) {
      throw new ExportException("an LSTM over a dynamic number of time steps cannot be unrolled");
    }
    long u = c.val(n, 2).shape()[0];
    String xw = c.op("BatchMatMulV2", t, List.of(c.inAs(n, 0), c.inAs(n, 1)), "adj_x", b(false), "adj_y", b(false));
    if (bias) {
      xw = c.op("BiasAdd", t, List.of(xw, c.inAs(n, 3)), "data_format", s("NHWC"));
    }
    String rk = c.inAs(n, 2);
    String h = c.inAs(n, h0);
    String cell = c.inAs(n, h0 + 1);
    List<String> seq = new ArrayList<>();
    for (long s = 0; s < steps; s++) {
      String z = c.bin("AddV2", t, c.stridedSlice(xw, t, 3, 1, s, s + 1, true),
          c.op("MatMul", t, List.of(h, rk), "transpose_a", b(false), "transpose_b", b(false)));
      String gi = c.op("Sigmoid", t, c.stridedSlice(z, t, 2, 1, 0, u, false));
      String gf = c.op("Sigmoid", t, c.stridedSlice(z, t, 2, 1, u, 2 * u, false));
      String gc = c.op("Tanh", t, c.stridedSlice(z, t, 2, 1, 2 * u, 3 * u, false));
      String go = c.op("Sigmoid", t, c.stridedSlice(z, t, 2, 1, 3 * u, 4 * u, false));
      cell = c.bin("AddV2", t, c.bin("Mul", t, gf, cell), c.bin("Mul", t, gi, gc));
      h = c.bin("Mul", t, go, c.op("Tanh", t, cell));
      seq.add(c.expandDims(h, t, 1));
    }
    seq.add(c.expandDims(h, t, 1));
    seq.add(c.expandDims(cell, t, 1));
    return c.concat(seq, t, 1);
  }

  /** TensorFlow's SAME paddings {@code {before, after}} of each spatial axis, or null when a size is dynamic. */
  private static int[][] samePads(long[] xs, int[] pool, int[] strides) {
    int r = pool.length;
    int[][] p = new int[r][2];
    for (int d = 0; d < r; d++) {
      long in = xs[d + 1];
      if (in < 0) {
        return null;
      }
      long outSize = (in + strides[d] - 1) / strides[d];
      long total = Math.max((outSize - 1) * strides[d] + pool[d] - in, 0);
      p[d][0] = (int) (total / 2);
      p[d][1] = (int) (total - total / 2);
    }
    return p;
  }

  /**
   * Max or average pooling: VALID without padding, SAME when the paddings are TensorFlow's SAME
   * ones (which averages over the window's real elements, as Keras does), else (max only) explicit
   * lowest-value padding then VALID.
   */
  private static String pool(Ctx c, OpGraph.Node n, boolean max) {
    OpDesc op = n.op();
    DType t = n.output().dtype();
    long[] xs = c.val(n, 0).shape();
    int rank = xs.length;
    int[] size = op.getInts("pool_size");
    int[] strides = op.getInts("strides");
    int[][] pads = op.getIntPairs("pads");
    String x = c.inAs(n, 0);
    boolean none = Arrays.stream(pads).allMatch(p -> p[0] == 0 && p[1] == 0);
    int[][] same = samePads(xs, size, strides);
    String padding;
    if (none) {
      padding = "VALID";
    } else if (same != null && Arrays.deepEquals(same, pads)) {
      padding = "SAME";
    } else if (max) {
      x = padSpatial(c, x, t, pads, t == DType.FLOAT64 ? -Double.MAX_VALUE : -Float.MAX_VALUE);
      padding = "VALID";
    } else {
      throw new ExportException("average pooling with paddings " + Arrays.deepToString(pads)
          + " that are not TensorFlow's SAME ones");
    }
    boolean oneD = rank == 3;
    if (oneD) {
      x = c.expandDims(x, t, 1);
      size = as2d(size, 1);
      strides = as2d(strides, 1);
    }
    String tf = (max ? "MaxPool" : "AvgPool") + (rank == 5 ? "3D" : "");
    String y = c.op(tf, t, List.of(x), "ksize", ints(nhwc(size)), "strides", ints(nhwc(strides)), "padding",
        s(padding), "data_format", s(rank == 5 ? "NDHWC" : "NHWC"));
    return oneD ? c.squeeze(y, t, 1) : y;
  }

  /** {@code log(1 + exp(x))}, TensorFlow's stable Softplus. */
  private static String softplus(Ctx c, String x, DType t) {
    return c.op("Softplus", t, x);
  }

  private static String greater(Ctx c, String x, String y, DType t) {
    return c.op("Greater", t, x, y);
  }

  static {
    binary("add", "AddV2");
    binary("subtract", "Sub");
    binary("multiply", "Mul");
    binary("divide", "RealDiv");
    binary("maximum", "Maximum");
    binary("atan2", "Atan2");
    binary("minimum", "Minimum");
    RULES.put("matmul", (c, n) -> c.val(n, 0).rank() == 2 && c.val(n, 1).rank() == 2
        ? c.op("MatMul", n.output().dtype(), List.of(c.inAs(n, 0), c.inAs(n, 1)), "transpose_a", b(false),
            "transpose_b", b(false))
        : c.op("BatchMatMulV2", n.output().dtype(), List.of(c.inAs(n, 0), c.inAs(n, 1)), "adj_x", b(false),
            "adj_y", b(false)));
    withScalar("add_scalar", "AddV2", "value", false);
    withScalar("multiply_scalar", "Mul", "value", false);
    withScalar("rsub_scalar", "Sub", "value", true);
    withScalar("power_scalar", "Pow", "exponent", false);
    unary("negative", "Neg");
    unary("sqrt", "Sqrt");
    unary("exp", "Exp");
    unary("log", "Log");
    unary("abs", "Abs");
    unary("sign", "Sign");
    unary("reciprocal", "Reciprocal");
    unary("relu", "Relu");
    unary("sigmoid", "Sigmoid");
    unary("tanh", "Tanh");
    unary("softsign", "Softsign");
    unary("square", "Square");
    unary("log1p", "Log1p");
    unary("relu6", "Relu6");
    RULES.put("clip", (c, n) -> c.op("ClipByValue", n.output().dtype(), c.inAs(n, 0),
        c.scalar(n.op().getDouble("min"), n), c.scalar(n.op().getDouble("max"), n)));
    RULES.put("where", (c, n) -> c.select(c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.BOOL), c.inAs(n, 1),
        c.inAs(n, 2), n.output().dtype()));
    RULES.put("cast", (c, n) -> c.cast(c.in(n, 0), c.val(n, 0).dtype(), n.output().dtype()));
    RULES.put("not_equal_scalar", (c, n) -> c.op("NotEqual", c.val(n, 0).dtype(), List.of(c.in(n, 0),
        c.scalar(n.op().getDouble("value"), c.val(n, 0).dtype())), "incompatible_shape_error", b(true)));
    RULES.put("logical_or", (c, n) -> c.fn.node("LogicalOr", List.of(c.cast(c.in(n, 0), c.val(n, 0).dtype(),
        DType.BOOL), c.cast(c.in(n, 1), c.val(n, 1).dtype(), DType.BOOL)), Map.of()));
    RULES.put("any", (c, n) -> c.fn.node("Any", List.of(c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.BOOL),
        c.ints(longs(n.op().getInts("axes")))), Map.of("Tidx", type(DType.INT32),
        "keep_dims", b(n.op().getBool("keepdims")))));
    // ---- preprocessing encodings (Discretization, CategoryEncoding, the lookups)
    RULES.put("digitize", (c, n) -> {
      double[] bins = (double[]) n.op().get("bins");
      OpGraph.Value x = c.val(n, 0);
      String v = c.expandDims(c.cast(c.in(n, 0), x.dtype(), DType.FLOAT64), DType.FLOAT64, x.rank());
      String reached = c.cast(c.op("GreaterEqual", DType.FLOAT64, v,
          c.fn.constant(org.nd4j.linalg.factory.Nd4j.createFromArray(bins), "bins")), DType.BOOL, DType.INT32);
      return c.cast(c.reduce("Sum", reached, DType.INT32, new long[] {-1}, false), DType.INT32, n.output().dtype());
    });
    RULES.put("category_encode", (c, n) -> {
      long[] shape = c.val(n, 0).shape();
      int rank = shape.length;
      String idx = c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.INT64);
      if (rank == 0) {
        idx = c.reshape(idx, DType.INT64, new long[] {1});
        rank = 1;
      }
      String mode = n.op().getString("mode");
      if (mode.equals("one_hot") && rank > 1 && shape[rank - 1] == 1) {
        idx = c.squeeze(idx, DType.INT64, rank - 1);
        rank--;
      }
      // Equality with 0..depth-1: an index outside the range matches nothing, as in Keras.
      long[] classes = new long[(int) n.op().getLong("depth")];
      for (int k = 0; k < classes.length; k++) {
        classes[k] = k;
      }
      String hot = c.cast(c.op("Equal", DType.INT64, List.of(c.expandDims(idx, DType.INT64, rank),
          c.fn.constant(org.nd4j.linalg.factory.Nd4j.createFromArray(classes), "classes")),
          "incompatible_shape_error", b(true)), DType.BOOL, DType.FLOAT32);
      long axis = rank > 1 ? 1 : 0;
      if (mode.equals("count")) {
        hot = c.reduce("Sum", hot, DType.FLOAT32, new long[] {axis}, false);
      } else if (mode.equals("multi_hot")) {
        hot = c.reduce("Max", hot, DType.FLOAT32, new long[] {axis}, false);
      }
      return c.cast(hot, DType.FLOAT32, n.output().dtype());
    });
    RULES.put("full_like", (c, n) -> c.fn.node("Fill", List.of(c.shape(c.in(n, 0), c.val(n, 0).dtype()),
        c.scalar(n.op().getDouble("value"), n)), Map.of("T", type(n.output().dtype()),
        "index_type", type(DType.INT32))));
    RULES.put("zeros", (c, n) -> {
      OpGraph.Value like = c.val(n, 0);
      String head = c.stridedSlice(c.shape(c.in(n, 0), like.dtype()), DType.INT32, 1, 0, 0, n.op().getLong("lead"),
          false);
      String dims = c.concat(List.of(head, c.ints(n.op().getLongs("trailing"))), DType.INT32, 0);
      return c.fn.node("Fill", List.of(dims, c.scalar(0, n)), Map.of("T", type(n.output().dtype()),
          "index_type", type(DType.INT32)));
    });
    // ---- shapes
    RULES.put("reshape", (c, n) -> c.reshape(c.in(n, 0), n.output().dtype(), n.op().getLongs("shape")));
    RULES.put("transpose", (c, n) -> c.transpose(c.in(n, 0), n.output().dtype(), longs(n.op().getInts("perm"))));
    RULES.put("concat", (c, n) -> {
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < n.arity(); k++) {
        parts.add(c.inAs(n, k));
      }
      return c.concat(parts, n.output().dtype(), n.op().getLong("axis"));
    });
    RULES.put("slice", (c, n) -> c.stridedSlice(c.in(n, 0), n.output().dtype(), c.val(n, 0).rank(),
        n.op().getInt("axis"), n.op().getLong("start"), n.op().getLong("end"), false));
    RULES.put("reverse", (c, n) -> c.fn.node("ReverseV2", List.of(c.in(n, 0), c.ints(n.op().getLong("axis"))),
        Map.of("T", type(n.output().dtype()), "Tidx", type(DType.INT32))));
    RULES.put("gather", (c, n) -> {
      DType it = c.val(n, 1).dtype();
      DType idxType = it == DType.INT32 || it == DType.INT64 ? it : DType.INT64;
      String idx = c.cast(c.in(n, 1), it, idxType);
      return c.fn.node("GatherV2", List.of(c.in(n, 0), idx, c.ints0(0)), Map.of("Tparams",
          type(n.output().dtype()), "Tindices", type(idxType), "Taxis", type(DType.INT32), "batch_dims", i(0)));
    });
    RULES.put("pad", (c, n) -> {
      long[] flat = n.op().getLongs("pads");
      int[] p = Arrays.stream(flat).mapToInt(Math::toIntExact).toArray();
      org.nd4j.linalg.api.ndarray.INDArray pads = org.nd4j.linalg.factory.Nd4j.createFromArray(p)
          .reshape(flat.length / 2, 2);
      DType t = n.output().dtype();
      return c.op("PadV2", t, List.of(c.in(n, 0), c.fn.constant(pads, "paddings"),
          c.scalar(n.op().getDouble("value"), t)), "Tpaddings", type(DType.INT32));
    });
    RULES.put("repeat", (c, n) -> {
      int ax = n.op().getInt("axis");
      int rank = c.val(n, 0).rank();
      DType t = n.output().dtype();
      long[] multiples = new long[rank + 1];
      Arrays.fill(multiples, 1);
      multiples[ax + 1] = n.op().getLong("repeats");
      String tiled = c.fn.node("Tile", List.of(c.expandDims(c.in(n, 0), t, ax + 1), c.ints(multiples)),
          Map.of("T", type(t), "Tmultiples", type(DType.INT32)));
      return c.reshape(tiled, t, n.output().shape());
    });
    // ---- activations
    RULES.put("softmax", (c, n) -> lastAxis(c, n, "Softmax"));
    RULES.put("log_softmax", (c, n) -> lastAxis(c, n, "LogSoftmax"));
    RULES.put("sparsemax", (c, n) -> {
      long[] shape = c.val(n, 0).shape();
      int rank = shape.length;
      long axis = n.op().getLong("axis");
      long d = shape[(int) (axis < 0 ? axis + rank : axis)];
      if (d < 0) {
        throw new ExportException("sparsemax over an axis of dynamic size");
      }
      return alongLastAxis(c, n, (x, t) -> sparsemax(c, x, t, d));
    });
    act("hard_tanh", (c, n, x, t) -> c.op("ClipByValue", t, x, c.scalar(-1, t), c.scalar(1, t)));
    act("leaky_relu", (c, n, x, t) -> c.op("LeakyRelu", t, List.of(x), "alpha", f(n.op().getDouble("negative_slope"))));
    act("relu_ex", (c, n, x, t) -> {
      String th = c.scalar(n.op().getDouble("threshold"), t);
      String pass = c.cast(greater(c, x, th, t), DType.BOOL, t);
      String out = c.bin("Mul", t, x, pass);
      if (n.op().has("max_value")) {
        out = c.op("ClipByValue", t, out, c.scalar(0, t), c.scalar(n.op().getDouble("max_value"), t));
      }
      double slope = n.op().getDouble("negative_slope");
      if (slope != 0.0) {
        String below = c.op("Relu", t, c.bin("Sub", t, th, x));
        out = c.bin("Sub", t, out, c.bin("Mul", t, below, c.scalar(slope, t)));
      }
      return out;
    });
    act("elu", (c, n, x, t) -> {
      String neg = c.bin("Mul", t, c.op("Elu", t, x), c.scalar(n.op().getDouble("alpha"), t));
      String y = c.select(greater(c, x, c.scalar(0, t), t), x, neg, t);
      double scale = n.op().getDouble("scale");
      return scale == 1.0 ? y : c.bin("Mul", t, y, c.scalar(scale, t));
    });
    act("celu", (c, n, x, t) -> {
      double alpha = n.op().getDouble("alpha");
      String e = c.bin("Mul", t, c.op("Elu", t, c.bin("Mul", t, x, c.scalar(1.0 / alpha, t))), c.scalar(alpha, t));
      return c.bin("AddV2", t, c.op("Relu", t, x), c.bin("Minimum", t, e, c.scalar(0, t)));
    });
    act("softplus", (c, n, x, t) -> softplus(c, x, t));
    act("log_sigmoid", (c, n, x, t) -> c.op("Neg", t, softplus(c, c.op("Neg", t, x), t)));
    act("mish", (c, n, x, t) -> c.bin("Mul", t, x, c.op("Tanh", t, softplus(c, x, t))));
    act("silu", (c, n, x, t) -> c.bin("Mul", t, x, c.op("Sigmoid", t, x)));
    act("hard_sigmoid", (c, n, x, t) -> c.bin("Mul", t, c.op("Relu6", t, c.bin("AddV2", t, x, c.scalar(3, t))),
        c.scalar(1.0 / 6.0, t)));
    act("hard_silu", (c, n, x, t) -> c.bin("Mul", t, x, c.bin("Mul", t,
        c.op("Relu6", t, c.bin("AddV2", t, x, c.scalar(3, t))), c.scalar(1.0 / 6.0, t))));
    act("tanh_shrink", (c, n, x, t) -> c.bin("Sub", t, x, c.op("Tanh", t, x)));
    act("soft_shrink", (c, n, x, t) -> {
      double th = n.op().getDouble("threshold");
      return c.bin("Sub", t, x, c.op("ClipByValue", t, x, c.scalar(-th, t), c.scalar(th, t)));
    });
    act("hard_shrink", (c, n, x, t) -> {
      String keep = c.cast(greater(c, c.op("Abs", t, x), c.scalar(n.op().getDouble("threshold"), t), t),
          DType.BOOL, t);
      return c.bin("Mul", t, x, keep);
    });
    act("threshold", (c, n, x, t) -> c.select(greater(c, x, c.scalar(n.op().getDouble("threshold"), t), t), x,
        c.fn.node("Fill", List.of(c.shape(x, t), c.scalar(n.op().getDouble("default_value"), t)),
            Map.of("T", type(t), "index_type", type(DType.INT32))), t));
    act("squareplus", (c, n, x, t) -> {
      String root = c.op("Sqrt", t, c.bin("AddV2", t, c.op("Square", t, x), c.scalar(n.op().getDouble("b"), t)));
      return c.bin("Mul", t, c.bin("AddV2", t, x, root), c.scalar(0.5, t));
    });
    act("sparse_sigmoid", (c, n, x, t) -> c.op("ClipByValue", t,
        c.bin("Mul", t, c.bin("AddV2", t, x, c.scalar(1, t)), c.scalar(0.5, t)), c.scalar(0, t), c.scalar(1, t)));
    act("sparse_plus", (c, n, x, t) -> {
      String shifted = c.bin("AddV2", t, x, c.scalar(1, t));
      String quad = c.bin("Mul", t, c.op("Square", t, shifted), c.scalar(0.25, t));
      String upper = c.select(c.op("GreaterEqual", t, x, c.scalar(1, t)), x, quad, t);
      String zeros = c.bin("Mul", t, x, c.scalar(0, t));
      return c.select(c.op("LessEqual", t, x, c.scalar(-1, t)), zeros, upper, t);
    });
    act("gelu", (c, n, x, t) -> {
      String half = c.bin("Mul", t, x, c.scalar(0.5, t));
      String inner;
      if (n.op().getBool("approximate")) {
        String cube = c.bin("Mul", t, c.op("Square", t, x), x);
        String poly = c.bin("AddV2", t, x, c.bin("Mul", t, cube, c.scalar(0.044715, t)));
        inner = c.op("Tanh", t, c.bin("Mul", t, poly, c.scalar(Math.sqrt(2.0 / Math.PI), t)));
      } else {
        inner = c.op("Erf", t, c.bin("Mul", t, x, c.scalar(1.0 / Math.sqrt(2.0), t)));
      }
      return c.bin("Mul", t, half, c.bin("AddV2", t, inner, c.scalar(1, t)));
    });
    // ---- reductions and normalization
    for (String[] r : new String[][] {{"sum", "Sum"}, {"mean", "Mean"}, {"max", "Max"}, {"min", "Min"}}) {
      RULES.put(r[0], (c, n) -> c.reduce(r[1], c.in(n, 0), n.output().dtype(), longs(n.op().getInts("axes")),
          n.op().getBool("keepdims")));
    }
    RULES.put("logsumexp", (c, n) -> {
      DType t = n.output().dtype();
      String x = c.inAs(n, 0);
      long[] axes = longs(n.op().getInts("axes"));
      boolean keep = n.op().getBool("keepdims");
      String m = c.reduce("Max", x, t, axes, true);
      String sum = c.reduce("Sum", c.op("Exp", t, c.bin("Sub", t, x, m)), t, axes, keep);
      return c.bin("AddV2", t, c.op("Log", t, sum), keep ? m : c.reduce("Max", x, t, axes, false));
    });
    RULES.put("argmax", (c, n) -> c.cast(c.fn.node("ArgMax", List.of(c.in(n, 0), c.ints0(n.op().getLong("axis"))),
        Map.of("T", type(c.val(n, 0).dtype()), "Tidx", type(DType.INT32), "output_type", type(DType.INT64))),
        DType.INT64, n.output().dtype()));
    RULES.put("standardize", (c, n) -> {
      DType t = n.output().dtype();
      String x = c.inAs(n, 0);
      long[] axes = longs(n.op().getInts("axes"));
      String centered = c.bin("Sub", t, x, c.reduce("Mean", x, t, axes, true));
      String var = c.reduce("Mean", c.op("Square", t, centered), t, axes, true);
      String eps = c.scalar(n.op().getDouble("epsilon"), t);
      return c.bin("Mul", t, centered, c.op("Rsqrt", t, c.bin("AddV2", t, var, eps)));
    });
    // ---- linear algebra, convolution, pooling
    RULES.put("affine", (c, n) -> {
      DType t = n.output().dtype();
      String xw = c.val(n, 0).rank() == 2 && c.val(n, 1).rank() == 2
          ? c.op("MatMul", t, List.of(c.inAs(n, 0), c.inAs(n, 1)), "transpose_a", b(false), "transpose_b", b(false))
          : c.op("BatchMatMulV2", t, List.of(c.inAs(n, 0), c.inAs(n, 1)), "adj_x", b(false), "adj_y", b(false));
      return c.val(n, 2).rank() == 1
          ? c.op("BiasAdd", t, List.of(xw, c.inAs(n, 2)), "data_format", s("NHWC"))
          : c.bin("AddV2", t, xw, c.inAs(n, 2));
    });
    RULES.put("conv", TfLowering::groupedConv);
    RULES.put("depthwise_conv", (c, n) -> conv(c, n, c.inAs(n, 0), c.inAs(n, 1), true));
    RULES.put("conv_transpose", TfLowering::convTranspose);
    RULES.put("lstm_packed", TfLowering::lstm);
    RULES.put("max_pool", (c, n) -> pool(c, n, true));
    RULES.put("avg_pool", (c, n) -> pool(c, n, false));
  }
}
