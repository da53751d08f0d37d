package org.jeras.core.config;

/** A config (or file) that Jeras cannot read: names the key, member or path at fault. */
public class ConfigException extends RuntimeException implements TypedError {
  /**
   * A config error with a one-line message naming the key or object at fault.
   *
   * @param message the message
   */
  public ConfigException(String message) {
    super(TypedError.oneLine(message));
  }

  /**
   * A config error caused by another exception.
   *
   * @param message the message
   * @param cause the underlying failure
   */
  public ConfigException(String message, Throwable cause) {
    super(TypedError.oneLine(message), cause);
  }
}
