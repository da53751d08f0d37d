package org.jeras.export;

import org.jeras.core.config.TypedError;

/** An export could not be written: an op without a lowering, a shape the format cannot express, a bad endpoint. */
public final class ExportException extends RuntimeException implements TypedError {
  /**
   * An export error with a one-line message.
   *
   * @param message what could not be exported, and where
   */
  public ExportException(String message) {
    super(TypedError.oneLine(message));
  }

  /**
   * An export error caused by another exception.
   *
   * @param message what could not be exported, and where
   * @param cause the underlying failure
   */
  public ExportException(String message, Throwable cause) {
    super(TypedError.oneLine(message), cause);
  }
}
