package org.jeras.core.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.conformance.KerasConfigs;
import org.junit.jupiter.api.Test;

class ActivationsFixtureTest {

  @Test
  void fixtureActivationNamesResolve() {
    for (JsonObject layer : KerasConfigs.find("activations", "keras.layers", "Activation")) {
      JsonElement name = layer.getAsJsonObject("config").get("activation");
      Activation a = Activations.deserialize(name);
      assertEquals(name, Activations.serialize(a));
    }
  }

  @Test
  void registeredCustomFunctionRoundTripsAsInTheFixture() {
    List<JsonObject> dense = KerasConfigs.find("custom_activation", "keras.layers", "Dense");
    JsonObject written = dense.get(0).getAsJsonObject("config").getAsJsonObject("activation");
    JsonObject unregistered = JsonParser.parseString(
        "{\"module\": \"builtins\", \"class_name\": \"function\", \"config\": \"nowhere>nothing\", \"registered_name\": \"function\"}")
        .getAsJsonObject();
    ConfigException missing = assertThrows(ConfigException.class, () -> Activations.deserialize(unregistered));
    assertTrue(missing.getMessage().contains("nowhere>nothing"), missing.getMessage());
    Activation scaledTanh = x -> MathOps.mul(NnOps.tanh(MathOps.mul(x, 0.6666667)), 1.7159);
    Registry.registerFunction("fixtures", "scaled_tanh", scaledTanh);
    assertSame(scaledTanh, Activations.deserialize(written));
    assertSame(scaledTanh, Serialization.deserialize(written, Activation.class));
    assertEquals(written, Activations.serialize(scaledTanh));
    // The Activation layer's copy carries a shared_object_id, which reading ignores.
    JsonObject shared = KerasConfigs.find("custom_activation", "keras.layers", "Activation").get(0)
        .getAsJsonObject("config").getAsJsonObject("activation");
    assertTrue(shared.has("shared_object_id"));
    assertSame(scaledTanh, Activations.deserialize(shared));
    Activation anonymous = x -> x;
    assertThrows(ConfigException.class, () -> Activations.serialize(anonymous));
  }
}
