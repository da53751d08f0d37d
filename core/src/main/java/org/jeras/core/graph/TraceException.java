package org.jeras.core.graph;

import org.jeras.core.config.TypedError;

/**
 * Tracing could not record a function as an {@link OpGraph}: an op with no description, a tensor
 * that came from outside the traced ops, or a shape the graph cannot express. The message names
 * the layer path and the op.
 */
public final class TraceException extends RuntimeException implements TypedError {
  private final String layerPath;
  private final String op;

  public TraceException(String layerPath, String op, String message) {
    super(TypedError.oneLine((layerPath == null || layerPath.isEmpty() ? "" : "Layer '" + layerPath + "': ") + message));
    this.layerPath = layerPath;
    this.op = op;
  }

  /** The path of the layer being called when tracing failed ({@code "model/dense_1"}), or empty. */
  public String layerPath() {
    return layerPath;
  }

  /** The op that could not be traced, or null. */
  public String op() {
    return op;
  }
}
