package org.jeras.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.layer.Layer;
import org.jeras.core.losses.Loss;
import org.jeras.core.training.Compilation;
import org.junit.jupiter.api.Test;

/** What a load or a compile says about a name it cannot resolve. */
class UnknownNamesTest {
  private static JsonObject dict(String module, String className) {
    return JsonParser.parseString("{\"module\": \"" + module + "\", \"class_name\": \"" + className
        + "\", \"config\": {}, \"registered_name\": null}").getAsJsonObject();
  }

  @Test
  void aKerasBuiltinJerasLacksIsNamedAsSuch() {
    assertNull(Registry.lookupBuiltin(Layer.class, "keras.layers", "RandomFlip"), "RandomFlip became supported");
    for (String module : List.of("keras.layers", "keras.src.layers.preprocessing.image_preprocessing.random_flip")) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> Serialization.deserialize(dict(module, "RandomFlip"), Layer.class));
      assertTrue(e.getMessage().startsWith("Keras layer 'RandomFlip' is not supported by Jeras yet"), e.getMessage());
      assertFalse(e.getMessage().contains("register"), e.getMessage());
    }
  }

  @Test
  void anUnknownCustomClassStillAsksForRegistration() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(dict("my_package.layers", "Sharpen"), Layer.class));
    assertTrue(e.getMessage().contains("Could not locate Layer 'Sharpen'") && e.getMessage().contains("registered"),
        e.getMessage());
  }

  @Test
  void unknownShorthandsListTheClosestKnownNames() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(new JsonPrimitive("msee"), Loss.class));
    assertTrue(e.getMessage().startsWith("Unknown Loss 'msee'; closest known names: mse"), e.getMessage());
    assertEquals(List.of("adam", "adamw", "adamax"),
        Registry.closestNames(org.jeras.core.optimizers.Optimizer.class, "adamm"));
  }

  @Test
  void anUnknownOptimizerInACompileConfigSaysWhereItIs() {
    Config cc = Config.of(JsonParser.parseString("{\"optimizer\": \"adamm\", \"loss\": \"mse\"}").getAsJsonObject());
    ConfigException e = assertThrows(ConfigException.class, () -> Compilation.options(cc));
    assertTrue(e.getMessage().startsWith("compile_config 'optimizer': Unknown Optimizer 'adamm'; closest known names: adam"),
        e.getMessage());
  }
}
