package org.jeras.core.tensor;

/** One recorded operation: its differentiable inputs and how to send a gradient back to them. */
final class Node {
  final Node[] parents;
  final GradientFunction backward;
  /** For leaves: the variable this node reads, or null. */
  final Variable variable;
  int order;

  Node(Node[] parents, GradientFunction backward, Variable variable) {
    this.parents = parents;
    this.backward = backward;
    this.variable = variable;
  }

}
