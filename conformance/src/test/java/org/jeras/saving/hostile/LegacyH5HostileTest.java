package org.jeras.saving.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted broken legacy {@code .h5} model files ({@code keras/legacy/hostile/}, each the Keras-written
 * {@code seq_mlp.h5} with one defect, made by {@code gen_hostile.py}): bad JSON, missing groups and
 * datasets, wrong shapes and counts, non-string name lists, a weight name leaving its group, a training
 * config without optimizer. Each fails with a typed one-line error naming the member or key
 * ({@code hostile.json} holds the text it must contain).
 */
class LegacyH5HostileTest {
  static Path dir() {
    return Fixtures.dir().resolve("legacy").resolve("hostile");
  }

  static JsonObject expected() throws IOException {
    return JsonParser.parseString(Files.readString(dir().resolve("hostile.json"))).getAsJsonObject();
  }

  static Stream<String> files() throws IOException {
    return expected().keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void failsTypedNamingTheMember(String name) throws IOException {
    String expect = expected().get(name).getAsString();
    Names.reset();
    ConfigException e = assertThrows(ConfigException.class, () -> Models.load(dir().resolve(name + ".h5")));
    assertTrue(e.getMessage().contains(expect), name + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), name + ": one line: " + e.getMessage());
  }

  /** The same defects in the weights reach {@code loadWeights} with the same typed errors. */
  @Test
  void loadWeightsFailsTyped() throws IOException {
    for (String name : List.of("missing_dataset", "wrong_shape", "weight_count", "layer_count",
        "weight_names_not_strings", "weight_name_escapes")) {
      Names.reset();
      Model m = Models.load(Fixtures.file("seq_mlp.keras"));
      ConfigException e = assertThrows(ConfigException.class, () -> m.loadWeights(dir().resolve(name + ".h5")));
      assertTrue(e.getMessage().contains(expected().get(name).getAsString()), name + ": " + e.getMessage());
    }
  }

  /** Every crafted file is listed with its expected error. */
  @Test
  void everyFileIsListed() throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      assertEquals(files().toList(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h5"))
          .map(n -> n.replace(".h5", "")).sorted().toList());
    }
  }
}
