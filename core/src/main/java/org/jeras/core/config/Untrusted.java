package org.jeras.core.config;

/**
 * Strings read from a file (class names, config keys, member and dataset names) quoted for error
 * messages: control characters are escaped so that a message stays one printable line, and long
 * strings are cut so that a hostile name cannot make a multi-megabyte message.
 */
public final class Untrusted {
  /** Characters of an untrusted string kept in a message before it is cut. */
  public static final int MAX_CHARS = 200;

  private Untrusted() {}

  /**
   * {@code s} in single quotes, escaped and cut to {@link #MAX_CHARS} (the cut says the original length).
   *
   * @param s the text, or null
   * @return the quoted text
   */
  public static String quote(String s) {
    return s == null ? "null" : "'" + escape(s, MAX_CHARS) + "'";
  }

  /**
   * {@code s} escaped like {@link #quote} but without quotes and with a caller's cap, for whole messages.
   *
   * @param s the text
   * @param maxChars the cap
   * @return the escaped text
   */
  public static String escape(String s, int maxChars) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), maxChars) + 16);
    int n = Math.min(s.length(), maxChars);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    if (s.length() > maxChars) {
      b.append("...(").append(s.length()).append(" chars)");
    }
    return b.toString();
  }
}
