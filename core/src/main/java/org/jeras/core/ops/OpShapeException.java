package org.jeras.core.ops;

import org.jeras.core.config.TypedError;

/**
 * Operands whose shapes (or arguments) an op cannot take: thrown before any native kernel runs, so
 * that a bad call fails in Java with the op and shapes named instead of reading past a buffer.
 */
public class OpShapeException extends IllegalArgumentException implements TypedError {
  public OpShapeException(String message) {
    super(TypedError.oneLine(message));
  }
}
