package org.jeras.layers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.junit.jupiter.api.Test;

/**
 * A class saved from the user's own module is looked up as the user's: without a registration or
 * custom object it is refused, never replaced by the built-in of the same class name (as Keras
 * refuses it), while Keras's built-ins load from any of Keras's module paths.
 */
class UserModuleLookupTest {
  private static String dense(String module) {
    return "{\"module\": " + module + ", \"class_name\": \"Dense\", \"config\": {\"units\": 2},"
        + " \"registered_name\": \"Dense\"}";
  }

  @Test
  void aUserClassNamedLikeABuiltinIsNotTheBuiltin() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(JsonParser.parseString(dense("\"com.acme.layers\"")), Layer.class));
    assertTrue(e.getMessage().startsWith("Could not locate Layer 'Dense'"), e.getMessage());
    assertTrue(e.getMessage().contains("'com.acme.layers'"), e.getMessage());
  }

  @Test
  void kerasModulePathsAndNoModuleFindTheBuiltin() {
    for (String module : new String[] {"\"keras.layers\"", "\"keras.src.layers.core.dense\"", "null"}) {
      Layer l = Serialization.deserialize(JsonParser.parseString(dense(module)), Layer.class);
      assertEquals("Dense", l.className(), module);
    }
  }
}
