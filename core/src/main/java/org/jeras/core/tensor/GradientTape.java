package org.jeras.core.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.graph.Tracer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Records differentiable operations so that gradients can be taken afterwards, like TensorFlow's
 * {@code tf.GradientTape}: trainable variables read inside the recording are watched
 * automatically; other tensors are watched with {@link #watch(Tensor)}.
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.record()) {
 *   Tensor loss = lossOf(model.call(x));
 *   List<INDArray> grads = tape.gradient(loss, model.trainableWeights());
 * }
 * }</pre>
 *
 * <p>Outside a recording, operations keep no autodiff state at all.
 */
public final class GradientTape implements AutoCloseable {
  private static final ThreadLocal<ArrayDeque<GradientTape>> ACTIVE =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final List<Node> nodes = new ArrayList<>();
  private final Map<Variable, List<Node>> leaves = new IdentityHashMap<>();
  private boolean recording = true;

  private GradientTape() {}

  /**
   * Starts recording on the current thread; close the tape to stop.
   *
   * @return the tape, to close
   */
  public static GradientTape record() {
    GradientTape tape = new GradientTape();
    ACTIVE.get().push(tape);
    return tape;
  }

  /** {@return whether any tape records on the current thread} */
  public static boolean isRecording() {
    ArrayDeque<GradientTape> active = ACTIVE.get();
    return !active.isEmpty();
  }

  /**
   * The result of an op: when a tape records and some input is differentiable, the result is
   * linked to its inputs through {@code backward}; otherwise it is a plain tensor.
   *
   * @param output the op's value
   * @param backward its gradient function
   * @param inputs its inputs
   * @return the result tensor
   */
  public static Tensor recordOp(INDArray output, GradientFunction backward, Tensor... inputs) {
    return recordOp(null, output, backward, inputs);
  }

  /**
   * {@link #recordOp(INDArray, GradientFunction, Tensor...)} for an op described by {@code op}: while a
   * {@link Tracer} records, the op becomes a node of its graph (an op without a description, null,
   * makes tracing fail). {@code backward} may be null for an op with no gradient.
   *
   * @param op the op's description
   * @param output the op's value
   * @param backward its gradient function
   * @param inputs its inputs
   * @return the result tensor
   */
  public static Tensor recordOp(OpDesc op, INDArray output, GradientFunction backward, Tensor... inputs) {
    if (Tracer.isActive()) {
      Tracer.recordOp(op, output, inputs);
    }
    ArrayDeque<GradientTape> active = ACTIVE.get();
    if (active.isEmpty()) {
      return Tensor.of(output);
    }
    Node[] parents = null;
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != null && inputs[i].node != null) {
        if (parents == null) {
          parents = new Node[inputs.length];
        }
        parents[i] = inputs[i].node;
      }
    }
    if (parents == null || backward == null) {
      return Tensor.of(output);
    }
    Node node = new Node(parents, backward, null);
    for (GradientTape tape : active) {
      tape.nodes.add(node);
    }
    return Tensor.withNode(output, node);
  }

  /** A read of {@code variable}: watched (a gradient leaf) when some tape records and it is trainable. */
  static Tensor readVariable(Variable variable, INDArray value) {
    if (Tracer.isActive()) {
      Tracer.recordVariableRead(variable, value);
    }
    ArrayDeque<GradientTape> active = ACTIVE.get();
    if (active.isEmpty() || !variable.isTrainable()) {
      return Tensor.of(value);
    }
    return leaf(active, variable, value);
  }

  private static Tensor leaf(Iterable<GradientTape> tapes, Variable variable, INDArray value) {
    Node node = new Node(new Node[0], null, variable);
    for (GradientTape tape : tapes) {
      tape.leaves.computeIfAbsent(variable, v -> new ArrayList<>()).add(node);
    }
    return Tensor.withNode(value, node);
  }

  /**
   * Watches {@code tensor}: returns the same value as a leaf whose gradient this tape can take.
   *
   * @param tensor the tensor
   * @return the watched leaf
   */
  public Tensor watch(Tensor tensor) {
    Node node = new Node(new Node[0], null, null);
    nodes.add(node);
    return Tensor.withNode(tensor.value(), node).withMask(tensor.mask());
  }

  /**
   * Watches {@code variable} even if it is not trainable; returns its current value as a leaf.
   *
   * @param variable the variable
   * @return the watched leaf
   */
  public Tensor watch(Variable variable) {
    return leaf(List.of(this), variable, variable.array());
  }

  /**
   * Gradients of {@code target} (summed over its elements when not scalar) with respect to each of
   * {@code variables}; a variable the target does not depend on gets zeros.
   *
   * @param target the value to differentiate
   * @param variables the variables
   * @return one gradient per variable
   */
  public List<INDArray> gradient(Tensor target, List<Variable> variables) {
    Map<Node, INDArray> grads = backprop(target);
    List<INDArray> out = new ArrayList<>(variables.size());
    for (Variable v : variables) {
      INDArray sum = null;
      for (Node leaf : leaves.getOrDefault(v, List.of())) {
        sum = accumulate(sum, grads.get(leaf));
      }
      out.add(sum == null ? Nd4j.zeros(v.array().dataType(), v.array().shape()) : sum);
    }
    return out;
  }

  /**
   * Gradients of {@code target} with respect to watched tensors (see {@link #watch(Tensor)}).
   *
   * @param target the value to differentiate
   * @param sources the watched tensors
   * @return one gradient per source
   */
  public List<INDArray> gradientOfTensors(Tensor target, List<Tensor> sources) {
    Map<Node, INDArray> grads = backprop(target);
    List<INDArray> out = new ArrayList<>(sources.size());
    for (Tensor s : sources) {
      INDArray g = s.node == null ? null : grads.get(s.node);
      out.add(g == null ? Nd4j.zeros(s.value().dataType(), s.value().shape()) : g);
    }
    return out;
  }

  private Map<Node, INDArray> backprop(Tensor target) {
    if (target.node == null) {
      return Map.of();
    }
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).order = i;
    }
    Map<Node, INDArray> grads = new IdentityHashMap<>();
    grads.put(target.node, Nd4j.onesLike(target.value()));
    int start = target.node.backward == null ? -1 : indexOf(target.node);
    for (int i = start; i >= 0; i--) {
      Node node = nodes.get(i);
      INDArray g = grads.get(node);
      if (g == null || node.backward == null) {
        continue;
      }
      INDArray[] inputGrads = node.backward.apply(g);
      for (int p = 0; p < node.parents.length; p++) {
        Node parent = node.parents[p];
        if (parent != null && inputGrads[p] != null) {
          grads.put(parent, accumulate(grads.get(parent), inputGrads[p]));
        }
      }
    }
    return grads;
  }

  private int indexOf(Node node) {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    throw new IllegalArgumentException("The target was not computed while this tape recorded");
  }

  private static INDArray accumulate(INDArray sum, INDArray g) {
    if (g == null) {
      return sum;
    }
    return sum == null ? g : sum.add(g);
  }

  /** Stops recording; gradients can still be taken afterwards. */
  @Override
  public void close() {
    if (recording) {
      recording = false;
      ACTIVE.get().remove(this);
    }
  }
}
