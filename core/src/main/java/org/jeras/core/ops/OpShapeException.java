package org.jeras.core.ops;

import org.jeras.core.config.TypedError;

/**
 * Operands whose shapes (or arguments) an op cannot take: thrown before any native kernel runs, so
 * that a bad call fails in Java with the op and shapes named instead of reading past a buffer.
 */
public class OpShapeException extends IllegalArgumentException implements TypedError {
  /**
   * An op refusing its operands, with a one-line message.
   *
   * @param message names the op and the shapes at fault
   */
  public OpShapeException(String message) {
    super(TypedError.oneLine(message));
  }
}
