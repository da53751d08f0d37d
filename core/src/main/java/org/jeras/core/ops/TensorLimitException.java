package org.jeras.core.ops;

import org.jeras.core.config.TypedError;
import org.jeras.core.config.ConfigException;

/**
 * A tensor larger than {@link TensorLimit} allows (or than a long can count) was asked for, mostly
 * by a config's sizes; nothing was allocated. A {@link ConfigException}, as the other bounds on what
 * loading may allocate are.
 */
public class TensorLimitException extends ConfigException {
  /**
   * A refused allocation, with a one-line message.
   *
   * @param message names the tensor, its shape and the limit
   */
  public TensorLimitException(String message) {
    super(TypedError.oneLine(message));
  }
}
