package org.jeras.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jeras.core.graph.OpGraph;

/**
 * One lowering's rules, keyed by Jeras op name: the table both exporters (ONNX, TensorFlow) keep,
 * with the questions their coverage tests and error messages ask of it.
 *
 * @param <R> the lowering's rule type
 */
final class LoweringRules<R> {
  private final Map<String, R> rules = new HashMap<>();

  void put(String op, R rule) {
    rules.put(op, rule);
  }

  R get(String op) {
    return rules.get(op);
  }

  /** {@return the Jeras ops with a rule, sorted} */
  Set<String> supportedOps() {
    return new TreeSet<>(rules.keySet());
  }

  /** {@return the distinct ops of {@code graph} with no rule, sorted} */
  Set<String> missingOps(OpGraph graph) {
    Set<String> missing = new TreeSet<>();
    for (OpGraph.Node n : graph.nodes()) {
      if (!rules.containsKey(n.op().name())) {
        missing.add(n.op().name());
      }
    }
    return missing;
  }
}
