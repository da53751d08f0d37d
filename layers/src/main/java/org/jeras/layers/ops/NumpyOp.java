package org.jeras.layers.ops;

import org.jeras.core.layer.GraphOperation;
import org.jeras.core.layer.Layer;

/**
 * A {@code keras.src.ops.numpy} operation as a node of a functional graph: Keras 3 records such
 * nodes where a layer's mask is computed from symbolic tensors (e.g. the masks merging layers
 * combine and pass on to the next layer's call). No build, no weights, inputs are not autocast.
 */
abstract class NumpyOp extends Layer implements GraphOperation {
  NumpyOp() {
    buildAtInit();
  }

  @Override
  public String module() {
    return "keras.src.ops.numpy";
  }

  @Override
  public String registeredName() {
    return className();
  }
}
