package org.jeras.saving.archive;

import org.jeras.core.config.Untrusted;
import org.jeras.saving.UnsafeFileException;

/** Archive member names that stay inside the archive: relative, forward slashes, no {@code ..}. */
final class MemberNames {
  private MemberNames() {}

  /** Returns {@code name} when safe; throws naming it otherwise. */
  static String check(String name) {
    String why = null;
    if (name.isEmpty()) {
      why = "is empty";
    } else if (name.indexOf('\\') >= 0) {
      why = "contains a backslash";
    } else if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
      why = "is an absolute path";
    } else if (name.indexOf('\0') >= 0) {
      why = "contains a NUL character";
    } else {
      for (String part : name.split("/", -1)) {
        if (part.equals("..")) {
          why = "escapes the archive with '..'";
          break;
        }
      }
    }
    if (why != null) {
      throw new UnsafeFileException("Not allowed: archive member " + Untrusted.quote(name) + " " + why);
    }
    return name;
  }
}
