package org.jeras.core.config;

/**
 * Marks Jeras's typed errors: exceptions whose one-line message already says what is wrong with an
 * input, a config value or a file (and names the layer path, key or member), so a tool may show
 * the message alone. Anything else reaching a caller is a bug or a resource limit.
 */
public interface TypedError {
  /** Characters kept of a typed error's message before it is cut. */
  int MAX_MESSAGE_CHARS = 4000;

  /**
   * {@code message} as one printable line: every typed error's constructor passes its message
   * through here, so a name read from a hostile file (a layer name, a key) cannot inject terminal
   * control sequences or line breaks, nor make a megabyte-long message, whatever the call site.
   *
   * @param message the message
   * @return the one-line message
   */
  static String oneLine(String message) {
    return message == null ? null : Untrusted.escape(message, MAX_MESSAGE_CHARS);
  }
}
