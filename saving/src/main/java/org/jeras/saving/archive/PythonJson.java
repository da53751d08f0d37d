package org.jeras.saving.archive;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import org.jeras.core.config.PyNumber;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it with default arguments (what Keras
 * writes into {@code config.json} and {@code metadata.json}): {@code ", "} and {@code ": "}
 * separators, non-ASCII escaped as {@code \\uXXXX}, floats as Python's {@code repr}.
 */
public final class PythonJson {
  private PythonJson() {}

  /**
   * {@return {@code e} as Python's {@code json.dumps(e)} writes it}
   *
   * @param e the JSON value
   */
  public static String dumps(JsonElement e) {
    StringBuilder sb = new StringBuilder();
    write(e, sb);
    return sb.toString();
  }

  private static void write(JsonElement e, StringBuilder sb) {
    if (e == null || e.isJsonNull()) {
      sb.append("null");
    } else if (e.isJsonObject()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonElement> m : ((JsonObject) e).entrySet()) {
        sb.append(first ? "" : ", ");
        first = false;
        string(m.getKey(), sb);
        sb.append(": ");
        write(m.getValue(), sb);
      }
      sb.append('}');
    } else if (e.isJsonArray()) {
      sb.append('[');
      boolean first = true;
      for (JsonElement x : (JsonArray) e) {
        sb.append(first ? "" : ", ");
        first = false;
        write(x, sb);
      }
      sb.append(']');
    } else {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (p.isBoolean()) {
        sb.append(p.getAsBoolean() ? "true" : "false");
      } else if (p.isString()) {
        string(p.getAsString(), sb);
      } else {
        Number n = p.getAsNumber();
        // Doubles built in Java print as Python would; parsed numbers keep their original text.
        sb.append(n instanceof Double || n instanceof Float ? PyNumber.repr(n.doubleValue()) : n.toString());
      }
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
