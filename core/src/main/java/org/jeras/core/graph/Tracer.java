package org.jeras.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Records an inference function as an {@link OpGraph} by running it on example inputs while a
 * thread-local tracing scope is open: every op reports itself through
 * {@link org.jeras.core.tensor.GradientTape#recordOp} with its {@link OpDesc}, and every
 * {@link Variable#read()} reports the variable. Values are recognized by the identity of their
 * arrays: a graph input, an op output, a variable's value or a declared {@link #literal}. Any other
 * tensor reaching an op (one made outside Jeras ops, whose value could depend on the inputs), and
 * any op without a description, makes tracing fail with a {@link TraceException} naming the layer
 * when an output depends on it; input-dependent data is never baked in as a constant. Nodes no
 * output depends on (activity penalties, unused masks) are dropped.
 *
 * <p>{@link #trace} runs the function twice, with different sizes for the dimensions the
 * signature leaves unknown, and keeps as dynamic ({@code -1}) every dimension that differs
 * between the two runs, in value shapes and in dimension-list ({@code long[]}) attributes such as
 * a reshape's target.
 */
public final class Tracer {
  private static final ThreadLocal<Tracer> ACTIVE = new ThreadLocal<>();
  /** The op name of a value the graph cannot compute (see {@link #poison}). */
  private static final String UNTRACEABLE = "<untraceable>";

  private final Map<INDArray, Integer> ids = new IdentityHashMap<>();
  private final Map<Variable, Integer> variableIds = new IdentityHashMap<>();
  private final List<OpGraph.Input> inputs = new ArrayList<>();
  private final List<OpGraph.Constant> constants = new ArrayList<>();
  private final List<OpGraph.Node> nodes = new ArrayList<>();
  private final ArrayDeque<String> layers = new ArrayDeque<>();
  private final List<TraceException> poisons = new ArrayList<>();
  /** Values fixed at trace time: literals and op outputs computed from literals only. */
  private final java.util.Set<Integer> constantIds = new java.util.HashSet<>();
  private int nextId;

  private Tracer() {}

  /** {@return whether a trace is being recorded on this thread} */
  public static boolean isActive() {
    return ACTIVE.get() != null;
  }

  /**
   * Traces {@code fn} on generated example inputs matching {@code signature} (floats uniform in
   * [-1, 1), integers 0, booleans false), twice with different sizes for the unknown dimensions,
   * and returns the graph with those dimensions dynamic.
   *
   * @param signature the argument specs
   * @param fn the function
   * @return the graph
   */
  public static OpGraph trace(List<TensorSpec> signature, Function<List<Tensor>, List<Tensor>> fn) {
    return trace(signature, fn, examples(signature, 0), examples(signature, 1));
  }

  /**
   * Traces {@code fn} on two sets of example inputs that differ exactly in the sizes of the
   * dimensions {@code signature} leaves unknown.
   *
   * @param signature the argument specs
   * @param fn the function
   * @param examplesA the first example inputs
   * @param examplesB the second example inputs
   * @return the graph
   */
  public static OpGraph trace(List<TensorSpec> signature, Function<List<Tensor>, List<Tensor>> fn,
      List<INDArray> examplesA, List<INDArray> examplesB) {
    OpGraph a = traceOnce(signature, fn, examplesA);
    OpGraph b = traceOnce(signature, fn, examplesB);
    return generalize(signature, a, b);
  }

  /**
   * Traces {@code fn} once on {@code examples}; every shape in the result is static.
   *
   * @param signature the argument specs
   * @param fn the function
   * @param examples the example inputs
   * @return the graph
   */
  public static OpGraph traceOnce(List<TensorSpec> signature, Function<List<Tensor>, List<Tensor>> fn,
      List<INDArray> examples) {
    if (ACTIVE.get() != null) {
      throw new IllegalStateException("A trace is already being recorded on this thread");
    }
    if (examples.size() != signature.size()) {
      throw new IllegalArgumentException("The signature has " + signature.size() + " inputs but "
          + examples.size() + " example arrays were given");
    }
    Tracer t = new Tracer();
    ACTIVE.set(t);
    try {
      List<Tensor> args = new ArrayList<>();
      for (int i = 0; i < signature.size(); i++) {
        TensorSpec spec = signature.get(i);
        INDArray x = checked(spec, examples.get(i), i);
        int id = t.nextId++;
        t.ids.put(x, id);
        t.inputs.add(new OpGraph.Input(inputName(spec, i), value(id, x)));
        args.add(Tensor.of(x));
      }
      List<Tensor> results = fn.apply(args);
      List<OpGraph.Value> outputs = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        Tensor r = results.get(i);
        Integer id = r == null ? null : t.ids.get(r.value());
        if (id == null) {
          throw new TraceException("", null, "Output " + i + " of the traced function was not computed by Jeras"
              + " ops from its inputs (it was made outside the ops, e.g. with Tensor.of), so it cannot be traced");
        }
        outputs.add(t.valueOf(id));
      }
      return t.pruned(outputs);
    } finally {
      ACTIVE.remove();
    }
  }

  // ------------------------------------------------------------------ hooks for ops and layers

  /**
   * Called by {@code GradientTape.recordOp} for every op while tracing; {@code op} null means undescribed.
   *
   * @param op the op, or null
   * @param output its value
   * @param args its arguments
   */
  public static void recordOp(OpDesc op, INDArray output, Tensor[] args) {
    Tracer t = ACTIVE.get();
    if (t == null) {
      return;
    }
    int[] in = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        in[i] = -1;
        continue;
      }
      Integer id = t.ids.get(args[i].value());
      if (id == null && op != null) {
        id = t.poison(new TraceException(t.layerPath(), op.name(), "argument " + i + " of op '" + op.name()
            + "' is a tensor that was not computed by Jeras ops from the traced inputs or variables (it was made"
            + " outside the ops, e.g. with Tensor.of from an array), so the graph cannot compute it; write that"
            + " computation with Jeras ops, or declare an input-independent constant with Tracer.literal"));
      }
      in[i] = id == null ? -1 : id;
    }
    if (op == null) {
      String caller = caller();
      op = OpDesc.of(UNTRACEABLE, "error", t.poisons.size());
      t.poisons.add(new TraceException(t.layerPath(), caller, "op " + caller
          + " has no op description yet, so it cannot be traced or exported"));
    }
    int id = t.nextId++;
    OpGraph.Value v = value(id, output);
    t.nodes.add(new OpGraph.Node(op, in, v, t.layerPath()));
    // An op over literals only (a cast of a constant mask, say) gives a value no input can reach.
    boolean fixed = in.length > 0;
    for (int i : in) {
      fixed &= i == -1 || t.constantIds.contains(i);
    }
    if (fixed) {
      t.constantIds.add(id);
    }
    // An in-place op hands back its input's array: from here on that array holds the new value.
    t.ids.put(output, id);
  }

  /**
   * Called by {@link Variable#read()}: the variable's array stands for the variable from now on.
   *
   * @param variable the variable
   * @param value the array read
   */
  public static void recordVariableRead(Variable variable, INDArray value) {
    Tracer t = ACTIVE.get();
    if (t == null || t.variableIds.containsKey(variable) && t.ids.get(value) != null) {
      return;
    }
    int id = t.nextId++;
    t.variableIds.put(variable, id);
    t.ids.put(value, id);
    t.constants.add(new OpGraph.Constant(value(id, value), variable, null, t.layerPath()));
  }

  /**
   * Declares {@code constant} as a literal whose value does not depend on the traced inputs (a fixed
   * table a layer builds, say); outside tracing it only returns it.
   *
   * @param constant the constant
   * @return the tensor standing for it
   */
  public static Tensor literal(Tensor constant) {
    Tracer t = ACTIVE.get();
    if (t != null && !t.ids.containsKey(constant.value())) {
      int id = t.nextId++;
      INDArray copy = constant.value().dup();
      t.ids.put(constant.value(), id);
      t.constantIds.add(id);
      t.constants.add(new OpGraph.Constant(value(id, copy), null, copy, t.layerPath()));
    }
    return constant;
  }

  /**
   * {@code value}, computed outside the ops from {@code sources} alone (null entries are absent
   * sources), as a tensor: while tracing it is a literal of the graph when every present source is
   * a literal or computed by ops from literals only, since no input can reach it then (a causal
   * mask, say); otherwise the graph cannot compute it and tracing fails if an output depends on it.
   * (Variables do not count: a graph reads them by reference, a literal is a copy.)
   *
   * @param value the value
   * @param sources the tensors it is computed from
   * @return the tensor
   */
  public static Tensor derived(INDArray value, Tensor... sources) {
    Tensor out = Tensor.of(value);
    Tracer t = ACTIVE.get();
    if (t == null) {
      return out;
    }
    for (Tensor s : sources) {
      if (s != null && !t.constantIds.contains(t.ids.get(s.value()))) {
        return out;
      }
    }
    return literal(out);
  }

  /**
   * Marks the start of a layer's call (for error messages and node provenance); false when not tracing.
   *
   * @param name the layer's name
   * @return whether a trace records
   */
  public static boolean enterLayer(String name) {
    Tracer t = ACTIVE.get();
    if (t == null) {
      return false;
    }
    t.layers.addLast(name);
    return true;
  }

  /**
   * Ends the layer call {@link #enterLayer} began (when it returned true).
   *
   * @param entered what {@link #enterLayer} returned
   */
  public static void exitLayer(boolean entered) {
    Tracer t = ACTIVE.get();
    if (entered && t != null && !t.layers.isEmpty()) {
      t.layers.removeLast();
    }
  }

  // ------------------------------------------------------------------ internals

  /**
   * A value that the graph cannot compute: tracing fails with {@code error} only if an output
   * depends on it (a loss or mask that no output uses does not matter).
   */
  private int poison(TraceException error) {
    int id = nextId++;
    poisons.add(error);
    nodes.add(new OpGraph.Node(OpDesc.of(UNTRACEABLE, "error", poisons.size() - 1), new int[0],
        new OpGraph.Value(id, new long[0], DType.FLOAT32), layerPath()));
    return id;
  }

  /**
   * The graph computing {@code outputs}: nodes and constants no output depends on are dropped; a
   * kept untraceable value fails with its error.
   */
  private OpGraph pruned(List<OpGraph.Value> outputs) {
    java.util.Set<Integer> needed = new java.util.HashSet<>();
    for (OpGraph.Value v : outputs) {
      needed.add(v.id());
    }
    List<OpGraph.Node> kept = new ArrayList<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      OpGraph.Node n = nodes.get(i);
      if (!needed.contains(n.output().id())) {
        continue;
      }
      if (n.op().name().equals(UNTRACEABLE)) {
        throw poisons.get(n.op().getInt("error"));
      }
      kept.add(0, n);
      for (int in : n.inputs()) {
        needed.add(in);
      }
    }
    List<OpGraph.Constant> usedConstants = new ArrayList<>();
    for (OpGraph.Constant c : constants) {
      if (needed.contains(c.value().id())) {
        usedConstants.add(c);
      }
    }
    return new OpGraph(inputs, usedConstants, kept, outputs);
  }

  private String layerPath() {
    return String.join("/", layers);
  }

  private OpGraph.Value valueOf(int id) {
    for (OpGraph.Input i : inputs) {
      if (i.value().id() == id) {
        return i.value();
      }
    }
    for (OpGraph.Constant c : constants) {
      if (c.value().id() == id) {
        return c.value();
      }
    }
    for (OpGraph.Node n : nodes) {
      if (n.output().id() == id) {
        return n.output();
      }
    }
    throw new IllegalStateException("No value %" + id);
  }

  private static OpGraph.Value value(int id, INDArray a) {
    return new OpGraph.Value(id, a.shape(), DType.of(a.dataType()));
  }

  private static String caller() {
    return StackWalker.getInstance().walk(s -> s
        .filter(f -> !f.getClassName().startsWith("org.jeras.core.tensor.")
            && !f.getClassName().startsWith("org.jeras.core.graph."))
        .findFirst()
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("<unknown>"));
  }

  static String inputName(TensorSpec spec, int i) {
    return spec.name() != null ? spec.name() : "args_" + i;
  }

  private static INDArray checked(TensorSpec spec, INDArray x, int i) {
    long[] want = spec.shape();
    long[] got = x.shape();
    boolean ok = want.length == got.length;
    for (int d = 0; ok && d < want.length; d++) {
      ok = want[d] < 0 || want[d] == got[d];
    }
    if (!ok) {
      throw new IllegalArgumentException("Example input " + i + " has shape " + Arrays.toString(got)
          + ", which does not match the signature's " + spec.shapeString());
    }
    DType dtype = spec.dtype();
    INDArray cast = x.dataType() == dtype.nd4j() ? x.dup('c') : x.castTo(dtype.nd4j()).dup('c');
    return cast;
  }

  /**
   * Example inputs for run {@code run} (0 or 1): an unknown batch dimension (axis 0) is 2 or 3 in
   * every input; the k-th other unknown dimension is 5 + 2k or 6 + 2k, so no two coincide.
   */
  static List<INDArray> examples(List<TensorSpec> signature, int run) {
    List<INDArray> out = new ArrayList<>();
    int k = 0;
    for (TensorSpec spec : signature) {
      long[] shape = spec.shape();
      for (int d = 0; d < shape.length; d++) {
        if (shape[d] < 0) {
          shape[d] = d == 0 ? 2 + run : 5 + 2L * k++ + run;
        }
      }
      INDArray x;
      if (spec.dtype().isFloating()) {
        // A private generator: tracing must not move the global random state a user may have seeded.
        java.util.Random random = new java.util.Random(17L + run);
        long n = 1;
        for (long d : shape) {
          n *= d;
        }
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
          v[i] = 2 * random.nextDouble() - 1;
        }
        x = Nd4j.createFromArray(v).reshape(shape).castTo(spec.dtype().nd4j());
      } else {
        x = Nd4j.zeros(spec.dtype().nd4j(), shape);
      }
      out.add(x);
    }
    return out;
  }

  /**
   * Merges two traces of the same function at different sizes of the unknown dimensions: the ops
   * must match one for one; dimensions that differ become {@code -1}.
   */
  static OpGraph generalize(List<TensorSpec> signature, OpGraph a, OpGraph b) {
    if (a.nodes().size() != b.nodes().size() || a.constants().size() != b.constants().size()
        || a.outputs().size() != b.outputs().size()) {
      throw new TraceException("", null, "The traced function runs different ops for inputs of different sizes"
          + " (" + a.nodes().size() + " vs " + b.nodes().size() + " ops), so it has no single graph for the signature");
    }
    List<OpGraph.Input> inputs = new ArrayList<>();
    for (int i = 0; i < a.inputs().size(); i++) {
      OpGraph.Input in = a.inputs().get(i);
      long[] shape = signature.get(i).shape();
      inputs.add(new OpGraph.Input(in.name(), new OpGraph.Value(in.value().id(), shape, in.value().dtype())));
    }
    List<OpGraph.Constant> constants = new ArrayList<>();
    Iterator<OpGraph.Constant> cb = b.constants().iterator();
    for (OpGraph.Constant c : a.constants()) {
      OpGraph.Constant d = cb.next();
      boolean same = c.variable() != null ? c.variable() == d.variable()
          : d.literal() != null && sameArray(c.literal(), d.literal());
      if (!same || c.value().id() != d.value().id()) {
        throw new TraceException(c.layerPath(), null, "Constant " + c.name() + " differs between inputs of"
            + " different sizes, so it depends on the inputs and cannot be a constant of the graph");
      }
      constants.add(new OpGraph.Constant(merge(c.value(), d.value()), c.variable(), c.literal(), c.layerPath()));
    }
    List<OpGraph.Node> nodes = new ArrayList<>();
    for (int n = 0; n < a.nodes().size(); n++) {
      OpGraph.Node x = a.nodes().get(n);
      OpGraph.Node y = b.nodes().get(n);
      if (!x.op().name().equals(y.op().name()) || !Arrays.equals(x.inputs(), y.inputs())
          || !x.op().attrs().keySet().equals(y.op().attrs().keySet())) {
        throw new TraceException(x.layerPath(), x.op().name(), "The traced function runs different ops for inputs"
            + " of different sizes (" + x.op() + " vs " + y.op() + "), so it has no single graph for the signature");
      }
      OpDesc op = x.op();
      for (Map.Entry<String, Object> e : x.op().attrs().entrySet()) {
        Object u = e.getValue();
        Object v = y.op().get(e.getKey());
        if (OpDesc.sameValue(u, v)) {
          continue;
        }
        if (u instanceof long[] p && v instanceof long[] q && p.length == q.length) {
          long[] dims = p.clone();
          for (int i = 0; i < dims.length; i++) {
            dims[i] = p[i] == q[i] ? p[i] : -1;
          }
          op = op.with(e.getKey(), dims);
        } else {
          throw new TraceException(x.layerPath(), op.name(), "Attribute '" + e.getKey() + "' of op '" + op.name()
              + "' depends on the size of the inputs (" + x.op() + " vs " + y.op() + "); the graph cannot express it");
        }
      }
      nodes.add(new OpGraph.Node(op, x.inputs(), merge(x.output(), y.output()), x.layerPath()));
    }
    List<OpGraph.Value> outputs = new ArrayList<>();
    for (int i = 0; i < a.outputs().size(); i++) {
      if (a.outputs().get(i).id() != b.outputs().get(i).id()) {
        throw new TraceException("", null, "Output " + i + " comes from different ops for inputs of different sizes");
      }
      outputs.add(merge(a.outputs().get(i), b.outputs().get(i)));
    }
    // Outputs are values of the graph: take their merged shapes from the nodes and inputs.
    OpGraph merged = new OpGraph(inputs, constants, nodes, List.of());
    List<OpGraph.Value> resolved = new ArrayList<>();
    for (OpGraph.Value o : outputs) {
      resolved.add(merged.value(o.id()));
    }
    return new OpGraph(inputs, constants, nodes, resolved);
  }

  /** Same dtype, shape and exactly the same values. */
  private static boolean sameArray(INDArray a, INDArray b) {
    return a.dataType() == b.dataType() && Arrays.equals(a.shape(), b.shape())
        && Arrays.equals(a.dup('c').data().asDouble(), b.dup('c').data().asDouble());
  }

  private static OpGraph.Value merge(OpGraph.Value a, OpGraph.Value b) {
    long[] p = a.shape();
    long[] q = b.shape();
    if (p.length != q.length || a.dtype() != b.dtype() || a.id() != b.id()) {
      throw new TraceException("", null, "Value %" + a.id() + " has rank or dtype that depends on the input sizes ("
          + a + " vs " + b + ")");
    }
    long[] s = p.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] = p[i] == q[i] ? p[i] : -1;
    }
    return new OpGraph.Value(a.id(), s, a.dtype());
  }
}
