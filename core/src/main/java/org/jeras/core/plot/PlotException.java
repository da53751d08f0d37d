package org.jeras.core.plot;

import org.jeras.core.config.TypedError;

/**
 * A plot could not be drawn or written: nothing to plot, an image size out of range, a file name
 * that is not {@code .png}, an unwritable file, or Graphviz failing. The message says which.
 */
public final class PlotException extends RuntimeException implements TypedError {
  /**
   * A refusal described by {@code message}.
   *
   * @param message the one-line message
   */
  public PlotException(String message) {
    super(message);
  }

  /**
   * A failure described by {@code message}, caused by {@code cause}.
   *
   * @param message the one-line message
   * @param cause the underlying failure
   */
  public PlotException(String message, Throwable cause) {
    super(message, cause);
  }
}
