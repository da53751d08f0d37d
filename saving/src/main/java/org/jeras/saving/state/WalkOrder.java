package org.jeras.saving.state;

import java.util.Comparator;

/**
 * The order in which Keras visits an object's attributes: sorted by name as Python sorts strings,
 * with private names (leading underscore) last.
 */
final class WalkOrder {
  static final Comparator<String> ATTRIBUTES = Comparator.comparing(WalkOrder::key, WalkOrder::byCodePoint);

  private WalkOrder() {}

  private static String key(String name) {
    return name.startsWith("_") ? "~" + name : name;
  }

  private static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
