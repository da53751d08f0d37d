package org.jeras.export;

import org.jeras.core.config.TypedError;

/** An export could not be written: an op without a lowering, a shape the format cannot express, a bad endpoint. */
public final class ExportException extends RuntimeException implements TypedError {
  public ExportException(String message) {
    super(TypedError.oneLine(message));
  }

  public ExportException(String message, Throwable cause) {
    super(TypedError.oneLine(message), cause);
  }
}
