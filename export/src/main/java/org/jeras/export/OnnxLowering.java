package org.jeras.export;

import static org.jeras.export.OnnxGraph.attr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.export.onnx.Onnx.AttributeProto;
import org.jeras.export.onnx.Onnx.ModelProto;
import org.jeras.export.onnx.Onnx.OperatorSetIdProto;
import org.jeras.export.onnx.Onnx.TensorProto;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.tensor.DType;

/**
 * Lowers a traced {@link OpGraph} to an ONNX model (opset {@value #OPSET}): each Jeras op becomes
 * one or a few ONNX nodes, variables become initializers named by their paths, and dynamic
 * dimensions become symbolic ({@code batch}). Jeras's channels_last convolutions and poolings are
 * wrapped in transposes to ONNX's channels_first. An op with no rule here fails the export with
 * an {@link ExportException} listing it.
 */
final class OnnxLowering {
  /** The ONNX operator set the exported models use. */
  static final int OPSET = 17;
  /** The IR version that goes with opset 17. */
  static final long IR_VERSION = 8;

  private OnnxLowering() {}

  /** Lowers one node; returns the name of the ONNX value holding its output. */
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
   * {@return the distinct ops of {@code graph} with no ONNX lowering, sorted}
   *
   * @param graph the traced graph
   */
  static Set<String> missingOps(OpGraph graph) {
    return RULES.missingOps(graph);
  }

  /**
   * The ONNX model of {@code graph}: inputs and outputs named {@code inputNames} / {@code outputNames},
   * variables as initializers named by {@code constantNames} (by value id).
   */
  static ModelProto lower(String name, OpGraph graph, List<String> inputNames, List<String> outputNames) {
    Set<String> missing = missingOps(graph);
    if (!missing.isEmpty()) {
      List<String> where = new ArrayList<>();
      for (OpGraph.Node n : graph.nodes()) {
        if (missing.contains(n.op().name())) {
          where.add(n.op().name() + " (layer '" + n.layerPath() + "')");
        }
      }
      throw new ExportException("Cannot export to ONNX: no ONNX lowering yet for op(s) " + missing + ", used by "
          + where.stream().distinct().toList());
    }
    Ctx c = new Ctx(new OnnxGraph(name), graph);
    for (int i = 0; i < graph.inputs().size(); i++) {
      OpGraph.Input in = graph.inputs().get(i);
      c.g.input(inputNames.get(i), in.value().dtype(), in.value().shape());
      c.refs.put(in.value().id(), inputNames.get(i));
    }
    Map<String, Integer> used = new HashMap<>();
    for (OpGraph.Constant k : graph.constants()) {
      String base = k.name();
      int seen = used.merge(base, 1, Integer::sum);
      String cname = seen == 1 ? base : base + "_" + seen;
      TensorProto t = OnnxTypes.tensor(cname, k.variable() != null ? k.variable().array() : k.literal());
      c.refs.put(k.value().id(), c.g.initializer(t));
    }
    for (OpGraph.Node n : graph.nodes()) {
      try {
        c.refs.put(n.output().id(), RULES.get(n.op().name()).lower(c, n));
      } catch (ExportException | IllegalArgumentException e) {
        throw new ExportException("Cannot export op " + n.op() + " of layer '" + n.layerPath() + "' to ONNX: "
            + e.getMessage(), e);
      }
    }
    for (int i = 0; i < graph.outputs().size(); i++) {
      OpGraph.Value v = graph.outputs().get(i);
      c.g.nodeInto(outputNames.get(i), "Identity", List.of(c.refs.get(v.id())));
      c.g.output(outputNames.get(i), v.dtype(), v.shape());
    }
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("jeras")
        .setProducerVersion("0.1")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(c.g.build())
        .build();
  }

  /** The lowering state: the ONNX graph being built and the ONNX name of each lowered value. */
  static final class Ctx extends LoweringContext {
    final OnnxGraph g;

    Ctx(OnnxGraph g, OpGraph graph) {
      super(graph);
      this.g = g;
    }

    @Override
    String cast(String name, DType from, DType to) {
      return from == to ? name : g.node("Cast", List.of(name), attr("to", (long) OnnxTypes.elemType(to)));
    }

    String node(String op, List<String> inputs, AttributeProto... attrs) {
      return g.node(op, inputs, attrs);
    }

    String scalar(double v, OpGraph.Node n) {
      return g.scalar(v, n.output().dtype());
    }
  }

  // ------------------------------------------------------------------ the rules

  private static void unary(String op, String onnx) {
    RULES.put(op, (c, n) -> c.node(onnx, List.of(c.inAs(n, 0))));
  }

  private static void binary(String op, String onnx) {
    RULES.put(op, (c, n) -> c.node(onnx, List.of(c.inAs(n, 0), c.inAs(n, 1))));
  }

  /** {@code x op scalar} (or {@code scalar op x} when {@code scalarFirst}). */
  private static void withScalar(String op, String onnx, String attr, boolean scalarFirst) {
    RULES.put(op, (c, n) -> {
      String s = c.scalar(n.op().getDouble(attr), n);
      String x = c.inAs(n, 0);
      return c.node(onnx, scalarFirst ? List.of(s, x) : List.of(x, s));
    });
  }

  private static long[] longs(int[] v) {
    return Arrays.stream(v).asLongStream().toArray();
  }

  /** {@code stable softplus(x) = relu(x) + log(1 + exp(-|x|))}. */
  private static String softplus(Ctx c, OpGraph.Node n, String x) {
    String e = c.node("Exp", List.of(c.node("Neg", List.of(c.node("Abs", List.of(x))))));
    String l = c.node("Log", List.of(c.node("Add", List.of(e, c.scalar(1.0, n)))));
    return c.node("Add", List.of(c.node("Relu", List.of(x)), l));
  }

  /** Transpose perms between channels_last and channels_first for rank {@code rank}. */
  private static long[] toChannelsFirst(int rank) {
    long[] p = new long[rank];
    p[1] = rank - 1;
    for (int i = 2; i < rank; i++) {
      p[i] = i - 1;
    }
    return p;
  }

  private static long[] toChannelsLast(int rank) {
    long[] p = new long[rank];
    for (int i = 1; i < rank - 1; i++) {
      p[i] = i + 1;
    }
    p[rank - 1] = 1;
    return p;
  }

  /** ONNX pads {@code [b0, b1, .., e0, e1, ..]} from {@code {before, after}} pairs. */
  private static long[] onnxPads(int[][] pads) {
    long[] p = new long[2 * pads.length];
    for (int i = 0; i < pads.length; i++) {
      p[i] = pads[i][0];
      p[pads.length + i] = pads[i][1];
    }
    return p;
  }

  /** A static target shape for Reshape; at most one dynamic dimension (written -1). */
  private static String reshapeTarget(Ctx c, long[] shape) {
    long dynamic = Arrays.stream(shape).filter(d -> d < 0).count();
    if (dynamic > 1) {
      throw new ExportException("a reshape to " + Arrays.toString(shape) + " has more than one dynamic dimension");
    }
    return c.g.longs(shape);
  }

  /** Keras's channels_last convolution as ONNX Conv: kernel {@code [k.., in/groups, out]} to {@code [out, in/groups, k..]}. */
  private static String conv(Ctx c, OpGraph.Node n, String kernel, long groups) {
    OpDesc op = n.op();
    int rank = c.val(n, 0).rank();
    int r = rank - 2;
    long[] kperm = new long[rank];
    kperm[0] = r + 1;
    kperm[1] = r;
    for (int i = 0; i < r; i++) {
      kperm[i + 2] = i;
    }
    String w = c.node("Transpose", List.of(kernel), attr("perm", kperm));
    String x = c.node("Transpose", List.of(c.inAs(n, 0)), attr("perm", toChannelsFirst(rank)));
    String y = c.node("Conv", List.of(x, w), attr("strides", longs(op.getInts("strides"))),
        attr("dilations", longs(op.getInts("dilation"))), attr("pads", onnxPads(op.getIntPairs("pads"))),
        attr("group", groups));
    return c.node("Transpose", List.of(y), attr("perm", toChannelsLast(rank)));
  }

  /**
   * Keras's transposed convolution (kernel {@code [k.., out, in]}) as ONNX ConvTranspose: the
   * {@code out_spatial} window starting {@code pad_before} into the full output; a window reaching
   * past the full output's end gets zeros there (ONNX's output_padding).
   */
  private static String convTranspose(Ctx c, OpGraph.Node n) {
    OpDesc op = n.op();
    long[] xs = c.val(n, 0).shape();
    long[] ks = c.val(n, 1).shape();
    int rank = xs.length;
    int r = rank - 2;
    int[] strides = op.getInts("strides");
    int[] dilation = op.getInts("dilation");
    int[] before = op.getInts("pad_before");
    long[] out = op.getLongs("out_spatial");
    long[] pads = new long[2 * r];
    long[] outputPadding = new long[r];
    for (int d = 0; d < r; d++) {
      if (xs[d + 1] < 0 || out[d] < 0) {
        throw new ExportException("a transposed convolution over a dynamic spatial size");
      }
      long full = (xs[d + 1] - 1) * strides[d] + (long) dilation[d] * (ks[d] - 1) + 1;
      long end = full - before[d] - out[d];
      pads[d] = before[d];
      pads[r + d] = Math.max(end, 0);
      outputPadding[d] = Math.max(-end, 0);
    }
    long[] kperm = new long[rank];
    kperm[0] = r + 1;
    kperm[1] = r;
    for (int i = 0; i < r; i++) {
      kperm[i + 2] = i;
    }
    String w = c.node("Transpose", List.of(c.inAs(n, 1)), attr("perm", kperm));
    String x = c.node("Transpose", List.of(c.inAs(n, 0)), attr("perm", toChannelsFirst(rank)));
    String y = c.node("ConvTranspose", List.of(x, w), attr("strides", longs(strides)),
        attr("dilations", longs(dilation)), attr("pads", pads), attr("output_padding", outputPadding));
    return c.node("Transpose", List.of(y), attr("perm", toChannelsLast(rank)));
  }

  /** Keras's gate blocks i, f, c, o along axis 0 of {@code m} ({@code 4u} long) in ONNX's order i, o, f, c. */
  private static String onnxGateOrder(Ctx c, String m, long u) {
    long[][] blocks = {{0, u}, {3 * u, 4 * u}, {u, 2 * u}, {2 * u, 3 * u}};
    List<String> parts = new ArrayList<>();
    for (long[] b : blocks) {
      parts.add(c.node("Slice", List.of(m, c.g.longs(b[0]), c.g.longs(b[1]), c.g.longs(0))));
    }
    return c.node("Concat", parts, attr("axis", 0L));
  }

  /**
   * The fused LSTM sequence (inputs x, kernel, recurrent kernel, [bias,] h0, c0) as ONNX's LSTM with
   * sigmoid gates and tanh cell and output (Keras's defaults), its outputs packed along time as the
   * Jeras op packs them: {@code [h_0..h_T-1, h_last, c_last]}.
   */
  private static String lstm(Ctx c, OpGraph.Node n) {
    boolean bias = n.op().getBool("has_bias");
    int h0 = bias ? 4 : 3;
    long u = c.val(n, 2).shape()[0];
    String w = c.node("Unsqueeze", List.of(onnxGateOrder(c, c.node("Transpose", List.of(c.inAs(n, 1)),
        attr("perm", new long[] {1, 0})), u), c.g.longs(0)));
    String r = c.node("Unsqueeze", List.of(onnxGateOrder(c, c.node("Transpose", List.of(c.inAs(n, 2)),
        attr("perm", new long[] {1, 0})), u), c.g.longs(0)));
    List<String> in = new ArrayList<>(List.of(
        c.node("Transpose", List.of(c.inAs(n, 0)), attr("perm", new long[] {1, 0, 2})), w, r));
    if (bias) {
      String zeros = c.g.initializer(OnnxTypes.tensor(c.g.fresh("zeros"),
          org.nd4j.linalg.factory.Nd4j.zeros(n.output().dtype().nd4j(), 4 * u)));
      in.add(c.node("Unsqueeze", List.of(c.node("Concat", List.of(onnxGateOrder(c, c.inAs(n, 3), u), zeros),
          attr("axis", 0L)), c.g.longs(0))));
    } else {
      in.add("");
    }
    in.add("");
    in.add(c.node("Unsqueeze", List.of(c.inAs(n, h0), c.g.longs(0))));
    in.add(c.node("Unsqueeze", List.of(c.inAs(n, h0 + 1), c.g.longs(0))));
    String y = c.g.fresh("lstm_y");
    String yh = c.g.fresh("lstm_h");
    String yc = c.g.fresh("lstm_c");
    c.g.nodeInto(List.of(y, yh, yc), "LSTM", in, attr("hidden_size", u));
    // Y [T, 1, B, u] -> [B, T, u]; Y_h, Y_c [1, B, u] -> [B, 1, u].
    String seq = c.node("Transpose", List.of(c.node("Squeeze", List.of(y, c.g.longs(1)))),
        attr("perm", new long[] {1, 0, 2}));
    long[] swap = {1, 0, 2};
    return c.node("Concat", List.of(seq, c.node("Transpose", List.of(yh), attr("perm", swap)),
        c.node("Transpose", List.of(yc), attr("perm", swap))), attr("axis", 1L));
  }

  /**
   * {@code atan2(y, x)}, which ONNX lacks, from {@code Atan(y / x)}: as is for {@code x > 0}, turned
   * by pi towards the sign of y for {@code x < 0}, and {@code sign(y) * pi / 2} on the y axis.
   */
  private static String atan2(Ctx c, OpGraph.Node n) {
    String y = c.inAs(n, 0);
    String x = c.inAs(n, 1);
    String zero = c.scalar(0.0, n);
    String safeX = c.node("Where", List.of(c.node("Equal", List.of(x, zero)), c.scalar(1.0, n), x));
    String angle = c.node("Atan", List.of(c.node("Div", List.of(y, safeX))));
    String turn = c.node("Where", List.of(c.node("Less", List.of(y, zero)), c.scalar(-Math.PI, n), c.scalar(Math.PI, n)));
    String onYAxis = c.node("Mul", List.of(c.node("Sign", List.of(y)), c.scalar(Math.PI / 2, n)));
    String leftOrAxis = c.node("Where", List.of(c.node("Less", List.of(x, zero)), c.node("Add", List.of(angle, turn)),
        onYAxis));
    return c.node("Where", List.of(c.node("Greater", List.of(x, zero)), angle, leftOrAxis));
  }

  private static String pool(Ctx c, OpGraph.Node n, String onnx) {
    OpDesc op = n.op();
    int rank = c.val(n, 0).rank();
    String x = c.node("Transpose", List.of(c.inAs(n, 0)), attr("perm", toChannelsFirst(rank)));
    List<AttributeProto> attrs = new ArrayList<>(List.of(attr("kernel_shape", longs(op.getInts("pool_size"))),
        attr("strides", longs(op.getInts("strides"))), attr("pads", onnxPads(op.getIntPairs("pads")))));
    if (onnx.equals("AveragePool")) {
      attrs.add(attr("count_include_pad", 0L));
    }
    String y = c.node(onnx, List.of(x), attrs.toArray(new AttributeProto[0]));
    return c.node("Transpose", List.of(y), attr("perm", toChannelsLast(rank)));
  }

  static {
    binary("add", "Add");
    binary("subtract", "Sub");
    binary("multiply", "Mul");
    binary("divide", "Div");
    binary("maximum", "Max");
    binary("minimum", "Min");
    binary("matmul", "MatMul");
    withScalar("add_scalar", "Add", "value", false);
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
    RULES.put("atan2", OnnxLowering::atan2);
    RULES.put("square", (c, n) -> c.node("Mul", List.of(c.inAs(n, 0), c.inAs(n, 0))));
    RULES.put("log1p", (c, n) -> c.node("Log", List.of(c.node("Add", List.of(c.inAs(n, 0), c.scalar(1.0, n))))));
    RULES.put("clip", (c, n) -> c.node("Clip", List.of(c.inAs(n, 0), c.scalar(n.op().getDouble("min"), n),
        c.scalar(n.op().getDouble("max"), n))));
    RULES.put("where", (c, n) -> c.node("Where", List.of(c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.BOOL),
        c.inAs(n, 1), c.inAs(n, 2))));
    RULES.put("cast", (c, n) -> c.cast(c.in(n, 0), c.val(n, 0).dtype(), n.output().dtype()));
    // Masks: booleans; ONNX's ReduceMax takes no booleans, so any() reduces 0/1 floats.
    RULES.put("not_equal_scalar", (c, n) -> c.node("Not", List.of(c.node("Equal", List.of(c.in(n, 0),
        c.g.scalar(n.op().getDouble("value"), c.val(n, 0).dtype()))))));
    RULES.put("logical_or", (c, n) -> c.node("Or", List.of(c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.BOOL),
        c.cast(c.in(n, 1), c.val(n, 1).dtype(), DType.BOOL))));
    RULES.put("any", (c, n) -> {
      String nonZero = c.cast(c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.BOOL), DType.BOOL, DType.FLOAT32);
      String max = c.node("ReduceMax", List.of(nonZero), attr("axes", longs(n.op().getInts("axes"))),
          attr("keepdims", n.op().getBool("keepdims") ? 1L : 0L));
      return c.cast(max, DType.FLOAT32, DType.BOOL);
    });
    // ---- preprocessing encodings (Discretization, CategoryEncoding, the lookups)
    RULES.put("digitize", (c, n) -> {
      double[] bins = (double[]) n.op().get("bins");
      String x = c.node("Unsqueeze", List.of(c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.FLOAT64),
          c.g.longs(c.val(n, 0).shape().length)));
      String reached = c.cast(c.node("GreaterOrEqual", List.of(x, c.g.initializer(OnnxTypes.tensor(c.g.fresh("bins"),
          org.nd4j.linalg.factory.Nd4j.createFromArray(bins))))), DType.BOOL, DType.INT32);
      return c.node("ReduceSum", List.of(reached, c.g.longs(-1)), attr("keepdims", 0L));
    });
    RULES.put("category_encode", (c, n) -> {
      long[] shape = c.val(n, 0).shape();
      int rank = shape.length;
      String idx = c.cast(c.in(n, 0), c.val(n, 0).dtype(), DType.INT64);
      if (rank == 0) {
        idx = c.node("Reshape", List.of(idx, c.g.longs(1)));
        rank = 1;
      }
      String mode = n.op().getString("mode");
      if (mode.equals("one_hot") && rank > 1 && shape[rank - 1] == 1) {
        idx = c.node("Squeeze", List.of(idx, c.g.longs(rank - 1)));
        rank--;
      }
      // Equality with 0..depth-1: an index outside the range matches nothing, as in Keras.
      long[] classes = new long[(int) n.op().getLong("depth")];
      for (int k = 0; k < classes.length; k++) {
        classes[k] = k;
      }
      String hot = c.cast(c.node("Equal", List.of(c.node("Unsqueeze", List.of(idx, c.g.longs(rank))),
          c.g.longs(classes))), DType.BOOL, DType.FLOAT32);
      long axis = rank > 1 ? 1 : 0;
      if (mode.equals("count")) {
        hot = c.node("ReduceSum", List.of(hot, c.g.longs(axis)), attr("keepdims", 0L));
      } else if (mode.equals("multi_hot")) {
        hot = c.node("ReduceMax", List.of(hot), attr("axes", new long[] {axis}), attr("keepdims", 0L));
      }
      return c.cast(hot, DType.FLOAT32, n.output().dtype());
    });
    RULES.put("full_like", (c, n) -> {
      TensorProto value = OnnxTypes.tensor("value",
          org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {1}, n.op().getDouble("value"),
              n.output().dtype().nd4j()));
      return c.node("ConstantOfShape", List.of(c.node("Shape", List.of(c.in(n, 0)))), attr("value", value));
    });
    RULES.put("zeros", (c, n) -> {
      String head = c.node("Slice", List.of(c.node("Shape", List.of(c.in(n, 0))), c.g.longs(0),
          c.g.longs(n.op().getLong("lead")), c.g.longs(0)));
      String shape = c.node("Concat", List.of(head, c.g.longs(n.op().getLongs("trailing"))), attr("axis", 0L));
      TensorProto zero = OnnxTypes.tensor("value", org.nd4j.linalg.factory.Nd4j.zeros(n.output().dtype().nd4j(), 1));
      return c.node("ConstantOfShape", List.of(shape), attr("value", zero));
    });
    // ---- shapes
    RULES.put("reshape", (c, n) -> c.node("Reshape", List.of(c.in(n, 0), reshapeTarget(c, n.op().getLongs("shape")))));
    RULES.put("transpose", (c, n) -> c.node("Transpose", List.of(c.in(n, 0)), attr("perm", longs(n.op().getInts("perm")))));
    RULES.put("concat", (c, n) -> {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < n.arity(); i++) {
        parts.add(c.inAs(n, i));
      }
      return c.node("Concat", parts, attr("axis", n.op().getLong("axis")));
    });
    RULES.put("slice", (c, n) -> c.node("Slice", List.of(c.in(n, 0), c.g.longs(n.op().getLong("start")),
        c.g.longs(n.op().getLong("end")), c.g.longs(n.op().getLong("axis")))));
    RULES.put("reverse", (c, n) -> c.node("Slice", List.of(c.in(n, 0), c.g.longs(-1), c.g.longs(Long.MIN_VALUE),
        c.g.longs(n.op().getLong("axis")), c.g.longs(-1))));
    RULES.put("gather", (c, n) -> {
      DType it = c.val(n, 1).dtype();
      String idx = it == DType.INT32 || it == DType.INT64 ? c.in(n, 1) : c.cast(c.in(n, 1), it, DType.INT64);
      return c.node("Gather", List.of(c.in(n, 0), idx), attr("axis", 0L));
    });
    RULES.put("pad", (c, n) -> {
      long[] flat = n.op().getLongs("pads");
      int r = flat.length / 2;
      long[] pads = new long[flat.length];
      for (int i = 0; i < r; i++) {
        pads[i] = flat[2 * i];
        pads[r + i] = flat[2 * i + 1];
      }
      return c.node("Pad", List.of(c.in(n, 0), c.g.longs(pads), c.scalar(n.op().getDouble("value"), n)),
          attr("mode", "constant"));
    });
    RULES.put("repeat", (c, n) -> {
      int ax = n.op().getInt("axis");
      int rank = c.val(n, 0).rank();
      long[] target = new long[rank + 1];
      Arrays.fill(target, 1);
      target[ax + 1] = n.op().getLong("repeats");
      String u = c.node("Unsqueeze", List.of(c.in(n, 0), c.g.longs(ax + 1)));
      String e = c.node("Expand", List.of(u, c.g.longs(target)));
      return c.node("Reshape", List.of(e, reshapeTarget(c, n.output().shape())));
    });
    // ---- activations
    RULES.put("softmax", (c, n) -> c.node("Softmax", List.of(c.inAs(n, 0)), attr("axis", n.op().getLong("axis"))));
    RULES.put("log_softmax", (c, n) -> c.node("LogSoftmax", List.of(c.inAs(n, 0)), attr("axis", n.op().getLong("axis"))));
    RULES.put("relu6", (c, n) -> c.node("Clip", List.of(c.inAs(n, 0), c.scalar(0, n), c.scalar(6, n))));
    RULES.put("hard_tanh", (c, n) -> c.node("Clip", List.of(c.inAs(n, 0), c.scalar(-1, n), c.scalar(1, n))));
    RULES.put("leaky_relu", (c, n) -> c.node("LeakyRelu", List.of(c.inAs(n, 0)),
        attr("alpha", n.op().getDouble("negative_slope"))));
    RULES.put("relu_ex", (c, n) -> {
      String x = c.inAs(n, 0);
      double threshold = n.op().getDouble("threshold");
      String t = c.scalar(threshold, n);
      String pass = c.cast(c.node("Greater", List.of(x, t)), DType.BOOL, n.output().dtype());
      String out = c.node("Mul", List.of(x, pass));
      if (n.op().has("max_value")) {
        out = c.node("Clip", List.of(out, c.scalar(0, n), c.scalar(n.op().getDouble("max_value"), n)));
      }
      double slope = n.op().getDouble("negative_slope");
      if (slope != 0.0) {
        String below = c.node("Relu", List.of(c.node("Sub", List.of(t, x))));
        out = c.node("Sub", List.of(out, c.node("Mul", List.of(below, c.scalar(slope, n)))));
      }
      return out;
    });
    RULES.put("elu", (c, n) -> {
      String y = c.node("Elu", List.of(c.inAs(n, 0)), attr("alpha", n.op().getDouble("alpha")));
      double scale = n.op().getDouble("scale");
      return scale == 1.0 ? y : c.node("Mul", List.of(y, c.scalar(scale, n)));
    });
    RULES.put("celu", (c, n) -> c.node("Celu", List.of(c.inAs(n, 0)), attr("alpha", n.op().getDouble("alpha"))));
    RULES.put("softplus", (c, n) -> softplus(c, n, c.inAs(n, 0)));
    RULES.put("log_sigmoid", (c, n) -> c.node("Neg", List.of(softplus(c, n, c.node("Neg", List.of(c.inAs(n, 0)))))));
    RULES.put("mish", (c, n) -> {
      String x = c.inAs(n, 0);
      return c.node("Mul", List.of(x, c.node("Tanh", List.of(softplus(c, n, x)))));
    });
    RULES.put("silu", (c, n) -> {
      String x = c.inAs(n, 0);
      return c.node("Mul", List.of(x, c.node("Sigmoid", List.of(x))));
    });
    RULES.put("hard_sigmoid", (c, n) -> c.node("HardSigmoid", List.of(c.inAs(n, 0)), attr("alpha", 1.0 / 6.0),
        attr("beta", 0.5)));
    RULES.put("hard_silu", (c, n) -> {
      String x = c.inAs(n, 0);
      return c.node("Mul", List.of(x, c.node("HardSigmoid", List.of(x), attr("alpha", 1.0 / 6.0), attr("beta", 0.5))));
    });
    RULES.put("tanh_shrink", (c, n) -> {
      String x = c.inAs(n, 0);
      return c.node("Sub", List.of(x, c.node("Tanh", List.of(x))));
    });
    RULES.put("soft_shrink", (c, n) -> c.node("Shrink", List.of(c.inAs(n, 0)),
        attr("lambd", n.op().getDouble("threshold")), attr("bias", n.op().getDouble("threshold"))));
    RULES.put("hard_shrink", (c, n) -> c.node("Shrink", List.of(c.inAs(n, 0)),
        attr("lambd", n.op().getDouble("threshold")), attr("bias", 0.0)));
    RULES.put("threshold", (c, n) -> {
      String x = c.inAs(n, 0);
      return c.node("Where", List.of(c.node("Greater", List.of(x, c.scalar(n.op().getDouble("threshold"), n))), x,
          c.scalar(n.op().getDouble("default_value"), n)));
    });
    RULES.put("squareplus", (c, n) -> {
      String x = c.inAs(n, 0);
      String root = c.node("Sqrt", List.of(c.node("Add", List.of(c.node("Mul", List.of(x, x)),
          c.scalar(n.op().getDouble("b"), n)))));
      return c.node("Mul", List.of(c.node("Add", List.of(x, root)), c.scalar(0.5, n)));
    });
    RULES.put("sparse_sigmoid", (c, n) -> c.node("Clip", List.of(
        c.node("Mul", List.of(c.node("Add", List.of(c.inAs(n, 0), c.scalar(1, n))), c.scalar(0.5, n))),
        c.scalar(0, n), c.scalar(1, n))));
    RULES.put("sparse_plus", (c, n) -> {
      String x = c.inAs(n, 0);
      String shifted = c.node("Add", List.of(x, c.scalar(1, n)));
      String quad = c.node("Mul", List.of(c.node("Mul", List.of(shifted, shifted)), c.scalar(0.25, n)));
      String upper = c.node("Where", List.of(c.node("GreaterOrEqual", List.of(x, c.scalar(1, n))), x, quad));
      return c.node("Where", List.of(c.node("LessOrEqual", List.of(x, c.scalar(-1, n))), c.scalar(0, n), upper));
    });
    RULES.put("gelu", (c, n) -> {
      String x = c.inAs(n, 0);
      String half = c.node("Mul", List.of(x, c.scalar(0.5, n)));
      String inner;
      if (n.op().getBool("approximate")) {
        String cube = c.node("Mul", List.of(c.node("Mul", List.of(x, x)), x));
        String poly = c.node("Add", List.of(x, c.node("Mul", List.of(cube, c.scalar(0.044715, n)))));
        inner = c.node("Tanh", List.of(c.node("Mul", List.of(poly, c.scalar(Math.sqrt(2.0 / Math.PI), n)))));
      } else {
        inner = c.node("Erf", List.of(c.node("Mul", List.of(x, c.scalar(1.0 / Math.sqrt(2.0), n)))));
      }
      return c.node("Mul", List.of(half, c.node("Add", List.of(inner, c.scalar(1, n)))));
    });
    // ---- reductions and normalization
    RULES.put("sum", (c, n) -> c.node("ReduceSum", List.of(c.in(n, 0), c.g.longs(longs(n.op().getInts("axes")))),
        attr("keepdims", n.op().getBool("keepdims") ? 1L : 0L)));
    for (String[] r : new String[][] {{"mean", "ReduceMean"}, {"max", "ReduceMax"}, {"min", "ReduceMin"},
        {"logsumexp", "ReduceLogSumExp"}}) {
      RULES.put(r[0], (c, n) -> c.node(r[1], List.of(c.in(n, 0)), attr("axes", longs(n.op().getInts("axes"))),
          attr("keepdims", n.op().getBool("keepdims") ? 1L : 0L)));
    }
    RULES.put("argmax", (c, n) -> c.cast(c.node("ArgMax", List.of(c.in(n, 0)), attr("axis", n.op().getLong("axis")),
        attr("keepdims", 0L)), DType.INT64, n.output().dtype()));
    RULES.put("standardize", (c, n) -> {
      String x = c.inAs(n, 0);
      AttributeProto axes = attr("axes", longs(n.op().getInts("axes")));
      String centered = c.node("Sub", List.of(x, c.node("ReduceMean", List.of(x), axes, attr("keepdims", 1L))));
      String var = c.node("ReduceMean", List.of(c.node("Mul", List.of(centered, centered))), axes,
          attr("keepdims", 1L));
      String inv = c.node("Pow", List.of(c.node("Add", List.of(var, c.scalar(n.op().getDouble("epsilon"), n))),
          c.scalar(-0.5, n)));
      return c.node("Mul", List.of(centered, inv));
    });
    // ---- linear algebra, convolution, pooling
    RULES.put("affine", (c, n) -> {
      if (c.val(n, 0).rank() == 2 && c.val(n, 1).rank() == 2 && c.val(n, 2).rank() == 1) {
        return c.node("Gemm", List.of(c.inAs(n, 0), c.inAs(n, 1), c.inAs(n, 2)));
      }
      return c.node("Add", List.of(c.node("MatMul", List.of(c.inAs(n, 0), c.inAs(n, 1))), c.inAs(n, 2)));
    });
    RULES.put("conv", (c, n) -> conv(c, n, c.inAs(n, 1), n.op().getLong("groups")));
    RULES.put("depthwise_conv", (c, n) -> {
      long[] k = c.val(n, 1).shape();
      int r = k.length - 2;
      long[] grouped = k.clone();
      grouped[r] = 1;
      grouped[r + 1] = k[r] * k[r + 1];
      String kernel = c.node("Reshape", List.of(c.inAs(n, 1), c.g.longs(grouped)));
      return conv(c, n, kernel, k[r]);
    });
    RULES.put("conv_transpose", OnnxLowering::convTranspose);
    RULES.put("lstm_packed", OnnxLowering::lstm);
    RULES.put("max_pool", (c, n) -> pool(c, n, "MaxPool"));
    RULES.put("avg_pool", (c, n) -> pool(c, n, "AveragePool"));
  }
}
