package org.jeras.cli;

/** A command's own refusal (an unsupported format, a model it cannot time): printed as its message alone. */
final class CommandException extends RuntimeException {
  CommandException(String message) {
    super(message);
  }
}
