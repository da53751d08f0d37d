package org.jeras.export;

/** An export could not be written: an op without a lowering, a shape the format cannot express, a bad endpoint. */
public final class ExportException extends RuntimeException {
  public ExportException(String message) {
    super(message);
  }

  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
