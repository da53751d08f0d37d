package org.jeras.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.jeras.core.layer.Layer;
import org.junit.jupiter.api.Test;

/** File-provided strings in error messages: control characters escaped, long names cut. */
class UntrustedTest {
  private static void printableOneLine(String message) {
    for (char c : message.toCharArray()) {
      assertTrue(!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT,
          "control character " + (int) c + " in: " + message.substring(0, Math.min(300, message.length())));
    }
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("'Dense\\r\\u001b[2Kevil\\u0000\\n'", Untrusted.quote("Dense\r\u001b[2Kevil\0\n"));
    assertEquals("'a\\u202eb'", Untrusted.quote("a\u202eb"));
    assertEquals("'plain name/ok'", Untrusted.quote("plain name/ok"));
  }

  @Test
  void longStringsAreCutWithTheirLength() {
    String q = Untrusted.quote("x".repeat(5 << 20));
    assertEquals("'" + "x".repeat(200) + "...(5242880 chars)'", q);
  }

  @Test
  void unknownClassNamesFromAFileAreQuoted() {
    JsonObject dict = new JsonObject();
    dict.addProperty("module", "keras.layers\u001b]0;pwned\u0007");
    dict.addProperty("class_name", "Evil\r\n\0" + "A".repeat(3 << 20));
    dict.add("config", new JsonObject());
    ConfigException e = assertThrows(ConfigException.class, () -> Serialization.deserialize(dict, Layer.class));
    printableOneLine(e.getMessage());
    assertTrue(e.getMessage().length() < 2000, "message of " + e.getMessage().length() + " chars");
    assertTrue(e.getMessage().contains("'Evil\\r\\n\\u0000AAA") && e.getMessage().contains("(3145735 chars)"), e.getMessage());

    ConfigException named = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(new JsonPrimitive("relu\u001b[31m" + "z".repeat(1 << 20)), Layer.class));
    printableOneLine(named.getMessage());
    assertTrue(named.getMessage().length() < 2000, "message of " + named.getMessage().length() + " chars");
  }

  @Test
  void configValuesInErrorsAreQuoted() {
    Config c = Config.parse("{\"units\": \"\\u001b[31m" + "9".repeat(100_000) + "\"}");
    ConfigException e = assertThrows(ConfigException.class, () -> c.getInt("units"));
    printableOneLine(e.getMessage());
    assertTrue(e.getMessage().length() < 1000, e.getMessage());
  }
}
