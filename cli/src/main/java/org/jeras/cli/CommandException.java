package org.jeras.cli;

import org.jeras.core.config.TypedError;

/** A command's own refusal (an unsupported format, a model it cannot time): printed as its message alone. */
final class CommandException extends RuntimeException implements TypedError {
  CommandException(String message) {
    super(TypedError.oneLine(message));
  }
}
