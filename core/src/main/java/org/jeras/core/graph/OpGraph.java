package org.jeras.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An immutable dataflow graph of ops recorded by a {@link Tracer} from one inference call: the
 * graph inputs, the constants (variables read, by reference, and literal arrays), the op nodes in
 * topological order and the outputs. Every value has an id, a static shape in which {@code -1}
 * marks a dynamic dimension (the batch, or any dimension given as unknown in the signature), and a
 * dtype. Consumers lower it (to ONNX) or compile it (to an inference plan) without calling Jeras's
 * layers again.
 */
public final class OpGraph {
  /** One value: an input, a constant or an op's output. */
  public record Value(int id, long[] shape, DType dtype) {
    /**
     * Copies {@code shape}.
     *
     * @param id the value's id
     * @param shape its static shape, {@code -1} for dynamic sizes
     * @param dtype its dtype
     */
    public Value {
      shape = shape.clone();
    }

    /** {@return the static shape, {@code -1} for dynamic sizes (a copy)} */
    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** {@return the number of dimensions} */
    public int rank() {
      return shape.length;
    }

    @Override
    public String toString() {
      return "%" + id + ":" + dtype.kerasName() + Arrays.toString(shape);
    }
  }

  /** A graph input named after its signature entry. */
  public record Input(String name, Value value) {}

  /**
   * A constant: the value of {@code variable} (read by reference: its current value when the graph
   * is lowered), or a {@code literal} array independent of the inputs. {@code layerPath} is the
   * layer that first read it.
   */
  public record Constant(Value value, Variable variable, INDArray literal, String layerPath) {
    /** {@return the variable's path, or a name for the literal} */
    public String name() {
      return variable != null ? variable.path() : "literal_" + value.id();
    }
  }

  /**
   * One op application: {@code inputs} are value ids in the op's argument order ({@code -1} for an
   * absent optional argument); {@code layerPath} is the layer being called when it ran.
   */
  public record Node(OpDesc op, int[] inputs, Value output, String layerPath) {
    /**
     * Copies {@code inputs}.
     *
     * @param op the op
     * @param inputs the ids of its arguments
     * @param output the value it produces
     * @param layerPath the layer being called when it ran
     */
    public Node {
      inputs = inputs.clone();
    }

    /** {@return the ids of the arguments, {@code -1} for absent ones (a copy)} */
    @Override
    public int[] inputs() {
      return inputs.clone();
    }

    /**
     * {@return the id of argument {@code i}}
     *
     * @param i the argument's position
     */
    public int input(int i) {
      return inputs[i];
    }

    /** {@return the number of arguments} */
    public int arity() {
      return inputs.length;
    }
  }

  private final List<Input> inputs;
  private final List<Constant> constants;
  private final List<Node> nodes;
  private final List<Value> outputs;
  private final Map<Integer, Value> values;

  OpGraph(List<Input> inputs, List<Constant> constants, List<Node> nodes, List<Value> outputs) {
    this.inputs = List.copyOf(inputs);
    this.constants = List.copyOf(constants);
    this.nodes = List.copyOf(nodes);
    this.outputs = List.copyOf(outputs);
    Map<Integer, Value> byId = new java.util.HashMap<>();
    for (Input i : inputs) {
      byId.put(i.value().id(), i.value());
    }
    for (Constant c : constants) {
      byId.put(c.value().id(), c.value());
    }
    for (Node n : nodes) {
      byId.put(n.output().id(), n.output());
    }
    this.values = Map.copyOf(byId);
  }

  /** {@return the graph's inputs, in argument order} */
  public List<Input> inputs() {
    return inputs;
  }

  /** {@return the constants the graph reads: variables and literals} */
  public List<Constant> constants() {
    return constants;
  }

  /** {@return the op nodes in an order where every node comes after the nodes producing its inputs} */
  public List<Node> nodes() {
    return nodes;
  }

  /** {@return the values the graph returns, in order} */
  public List<Value> outputs() {
    return outputs;
  }

  /**
   * The value with id {@code id}.
   *
   * @param id the id
   * @return the value
   */
  public Value value(int id) {
    Value v = values.get(id);
    if (v == null) {
      throw new IllegalArgumentException("No value %" + id + " in this graph");
    }
    return v;
  }

  /** {@return the distinct variables the graph reads, in first-read order} */
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    for (Constant c : constants) {
      if (c.variable() != null) {
        out.add(c.variable());
      }
    }
    return out;
  }

  /** A readable listing, one value per line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Input i : inputs) {
      sb.append("input ").append(i.name()).append(" -> ").append(i.value()).append('\n');
    }
    for (Constant c : constants) {
      sb.append("const ").append(c.name()).append(" -> ").append(c.value()).append('\n');
    }
    for (Node n : nodes) {
      sb.append(n.op()).append(' ').append(Arrays.toString(n.inputs)).append(" -> ").append(n.output())
          .append("  [").append(n.layerPath()).append("]\n");
    }
    sb.append("outputs ").append(outputs).append('\n');
    return sb.toString();
  }
}
