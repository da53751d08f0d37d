package org.jeras.core.plan;

import org.jeras.core.graph.OpDesc;
import org.jeras.core.graph.OpGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a {@link PlanKernel} sees of one node while a frame is built: the node, the frame's arrays
 * for its inputs, and its output, a buffer allocated on first request unless the kernel makes the
 * output a view of an input instead ({@link #alias}).
 */
final class Binding {
  private final OpGraph.Node node;
  private final INDArray[] inputs;
  private INDArray output;

  Binding(OpGraph.Node node, INDArray[] inputs) {
    this.node = node;
    this.inputs = inputs;
  }

  OpDesc op() {
    return node.op();
  }

  int arity() {
    return inputs.length;
  }

  /** The frame's array for input {@code i} (null for an absent optional input). */
  INDArray in(int i) {
    return inputs[i];
  }

  /** The static output shape. */
  long[] outShape() {
    return node.output().shape();
  }

  /** The output buffer: c-order, of the node's static shape and dtype, owned by the frame. */
  INDArray out() {
    if (output == null) {
      output = Nd4j.createUninitialized(node.output().dtype().nd4j(), node.output().shape());
    }
    return output;
  }

  /** Makes the output {@code view} (sharing an input's buffer) instead of a buffer of its own. */
  void alias(INDArray view) {
    output = view;
  }

  INDArray result() {
    return output;
  }

  /** An {@link Unplannable} for this node. */
  Unplannable unplannable(String reason) {
    return new Unplannable(node.op().name(), node.layerPath(), reason);
  }

  /** Fails unless every present input has the output's dtype. */
  void requireSameDtype() {
    for (INDArray a : inputs) {
      if (a != null && a.dataType() != node.output().dtype().nd4j()) {
        throw unplannable("mixed dtypes " + a.dataType() + " and " + node.output().dtype());
      }
    }
  }
}
