package org.jeras.export;

import java.util.HashMap;
import java.util.Map;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.tensor.DType;

/**
 * What both lowerings (ONNX, TensorFlow) keep while they walk a traced graph: the graph, and the
 * target format's reference (a value name) of each value lowered so far, with the lookups every
 * rule uses. Each format says how it casts.
 */
abstract class LoweringContext {
  final OpGraph graph;
  /** The target format's reference of each lowered value, by value id. */
  final Map<Integer, String> refs = new HashMap<>();

  LoweringContext(OpGraph graph) {
    this.graph = graph;
  }

  /** The reference of input {@code k} of {@code n}. */
  String in(OpGraph.Node n, int k) {
    return refs.get(n.input(k));
  }

  /** The traced value of input {@code k} of {@code n}. */
  OpGraph.Value val(OpGraph.Node n, int k) {
    return graph.value(n.input(k));
  }

  /** Input {@code k} cast to the node's output dtype when it differs. */
  String inAs(OpGraph.Node n, int k) {
    return cast(in(n, k), val(n, k).dtype(), n.output().dtype());
  }

  /** {@code ref} cast from {@code from} to {@code to} (itself when they are equal). */
  abstract String cast(String ref, DType from, DType to);
}
