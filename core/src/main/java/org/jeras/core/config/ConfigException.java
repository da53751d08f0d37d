package org.jeras.core.config;

/** A config (or file) that Jeras cannot read: names the key, member or path at fault. */
public class ConfigException extends RuntimeException implements TypedError {
  public ConfigException(String message) {
    super(TypedError.oneLine(message));
  }

  public ConfigException(String message, Throwable cause) {
    super(TypedError.oneLine(message), cause);
  }
}
