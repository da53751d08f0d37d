package org.jeras.saving;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;

/**
 * Finds serialized Python code in a config before anything is built: Keras writes a Python
 * lambda as {@code {"class_name": "__lambda__", ...}} holding marshalled bytecode. Safe mode
 * refuses it with Keras's message; without safe mode it still cannot run in Java.
 */
final class SafeMode {
  private SafeMode() {}

  static void check(JsonElement config, boolean safeMode) {
    String path = find(config, "");
    if (path == null) {
      return;
    }
    String at = Untrusted.quote(path);
    if (safeMode) {
      throw new UnsafeFileException("Requested the deserialization of a Python lambda (at " + at + "). This carries a "
          + "potential risk of arbitrary code execution and thus it is disallowed by default. If you trust the source "
          + "of the file, load it with LoadOptions.withSafeMode(false) (jeras command: " + LoadOptions.NO_SAFE_MODE_FLAG + ").");
    }
    throw new ConfigException("The config holds a Python lambda (at " + at + "): Python bytecode cannot run in Jeras. "
        + "Replace it with a registered function or layer and pass it as a custom object.");
  }

  /** The JSON path of the first serialized lambda, or null. */
  private static String find(JsonElement e, String path) {
    if (e == null) {
      return null;
    }
    if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      JsonElement cn = o.get("class_name");
      if (cn != null && cn.isJsonPrimitive() && "__lambda__".equals(cn.getAsString())) {
        return path.isEmpty() ? "/" : path;
      }
      for (Map.Entry<String, JsonElement> m : o.entrySet()) {
        String found = find(m.getValue(), path + "/" + m.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (e.isJsonArray()) {
      int i = 0;
      for (JsonElement x : e.getAsJsonArray()) {
        String found = find(x, path + "/" + i++);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
