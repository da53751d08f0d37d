package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sequential and functional model configs written by real Keras rebuild in Jeras and serialize
 * back to the same JSON (shared_object_id bookkeeping aside).
 */
class ModelConfigRoundTripTest {
  @ParameterizedTest
  @ValueSource(strings = {"seq_mlp", "func_mlp_named_input", "func_multi_io", "dense_no_bias", "dense_regularizers",
      "dense_constraints", "nested_sequential", "nested_functional_in_sequential", "shared_layer", "opt_adam_cce",
      "dropout", "custom_activation"})
  void keraConfigRoundTrips(String name) throws IOException {
    if (name.equals("custom_activation")) {
      CustomFixtures.register();
    }
    JsonObject original = modelConfig(name);
    Layer model = Serialization.deserialize(original, Layer.class);
    JsonObject written = Serialization.serialize(model).getAsJsonObject();
    JsonObject expected = original.deepCopy();
    expected.remove("compile_config");
    written.remove("compile_config");
    strip(expected);
    strip(written);
    assertEquals(expected, written, name);
  }

  static JsonObject modelConfig(String name) throws IOException {
    try (ZipFile zip = new ZipFile(Fixtures.file(name + ".keras").toFile())) {
      ZipEntry e = zip.getEntry("config.json");
      try (InputStream in = zip.getInputStream(e)) {
        return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
      }
    }
  }

  /** Removes Keras's shared_object_id bookkeeping (Python object ids) everywhere. */
  static void strip(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().remove("shared_object_id");
      for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
        strip(x.getValue());
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(ModelConfigRoundTripTest::strip);
    }
  }
}
