package org.jeras.core.graph;

import org.jeras.core.config.TypedError;

/**
 * Tracing could not record a function as an {@link OpGraph}: an op with no description, a tensor
 * that came from outside the traced ops, or a shape the graph cannot express. The message names
 * the layer path and the op.
 */
public final class TraceException extends RuntimeException implements TypedError {
  /** The path of the layer being traced, or empty. */
  private final String layerPath;
  /** The op that could not be traced, or null. */
  private final String op;

  /**
   * A tracing failure at an op of a layer.
   *
   * @param layerPath the layer's path, or empty
   * @param op the op, or null
   * @param message what failed
   */
  public TraceException(String layerPath, String op, String message) {
    super(TypedError.oneLine((layerPath == null || layerPath.isEmpty() ? "" : "Layer '" + layerPath + "': ") + message));
    this.layerPath = layerPath;
    this.op = op;
  }

  /** {@return the path of the layer being called when tracing failed ({@code "model/dense_1"}), or empty} */
  public String layerPath() {
    return layerPath;
  }

  /** {@return the op that could not be traced, or null} */
  public String op() {
    return op;
  }
}
