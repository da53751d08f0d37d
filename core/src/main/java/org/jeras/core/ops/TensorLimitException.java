package org.jeras.core.ops;

/** A tensor larger than {@link TensorLimit} allows (or than a long can count) was asked for; nothing was allocated. */
public class TensorLimitException extends RuntimeException {
  public TensorLimitException(String message) {
    super(message);
  }
}
