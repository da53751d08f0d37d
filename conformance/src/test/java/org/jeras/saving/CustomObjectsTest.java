package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.conformance.Fixtures;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Structures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom layers passed as custom objects: one saving an extra key beside its variables, one
 * keeping its state in an asset file. Both load from Keras's files and save them back identically.
 */
class CustomObjectsTest {
  static final Map<String, ObjectFactory<?>> CUSTOM = FixtureCustomObjects.classes();

  @TempDir
  Path tmp;

  @Test
  void customObjectsAreRequired() {
    ConfigException e = assertThrows(ConfigException.class, () -> Models.load(Fixtures.file("custom_own_variables.keras")));
    assertTrue(e.getMessage().contains("DenseWithExtraState"), e.getMessage());
  }

  @Test
  void extraKeysAndAssetsLoadAndSaveAsKerasDoes() throws IOException {
    LoadOptions options = LoadOptions.DEFAULT.withCustomObjects(CUSTOM);
    for (Path dir : List.of(Fixtures.dir(), Fixtures.dir().resolve("jax"))) {
      for (String name : new String[] {"custom_own_variables", "custom_assets"}) {
        Path original = dir.resolve(name + ".keras");
        Model m = Models.load(original, options);
        var io = Npz.read(dir.resolve(name + ".io.npz"));
        KerasFixturesTest.checkPredictions(m, io, original.toString());

        Path saved = tmp.resolve(name + ".keras");
        KerasFile.save(m, saved);
        assertEquals(KerasSaveRoundTripTest.members(original), KerasSaveRoundTripTest.members(saved), name);
        H5Structures expected = H5Structures.of(FixtureCases.zipMember(original, "model.weights.h5"), name);
        H5Structures actual = H5Structures.of(FixtureCases.zipMember(saved, "model.weights.h5"), name);
        assertEquals(expected.lines(), actual.lines(), name);
        expected.assertSameValues(actual, name);
        if (name.equals("custom_assets")) {
          String asset = "assets/layers/vocab_length_weighting/vocabulary.txt";
          assertArrayEquals(FixtureCases.zipMember(original, asset), FixtureCases.zipMember(saved, asset));
        }
        KerasFixturesTest.checkPredictions(Models.load(saved, options), io, saved + " (re-loaded)");
      }
    }
  }
}
