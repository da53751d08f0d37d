package org.jeras.saving.h5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;

/** Every fixture's weights files, read through jHDF, show exactly the layout Keras recorded in manifest.json. */
class H5ReaderFixturesTest {
  @Test
  void layoutsMatchManifest() throws IOException {
    int checked = 0;
    for (Path dir : List.of(Fixtures.dir(), Fixtures.dir().resolve("jax"))) {
      for (JsonObject c : FixtureCases.ok(dir)) {
        String name = c.get("name").getAsString();
        List<String> expected = new ArrayList<>();
        c.getAsJsonArray("weights_h5_layout").forEach(x -> expected.add(x.getAsString()));
        Path weights = dir.resolve(name + ".weights.h5");
        Path keras = dir.resolve(name + ".keras");
        assertTrue(Files.exists(keras), "missing " + keras);
        try (H5Reader r = H5Reader.fromBytes(FixtureCases.zipMember(keras, "model.weights.h5"), keras + "!model.weights.h5")) {
          H5Structure s = H5Structure.of(r);
          assertEquals(expected, s.layout(), keras.toString());
          assertTrue(r.isGroup("vars"), "root vars group in " + keras);
          assertFalse(r.attribute("vars", "name").orElseThrow().isEmpty());
        }
        if (Files.exists(weights)) {
          try (H5Reader r = H5Reader.open(weights)) {
            // save_weights writes the same layout, optimizer state included
            assertEquals(expected, H5Structure.of(r).layout(), weights.toString());
          }
        }
        checked++;
      }
    }
    assertTrue(checked >= 160, "checked " + checked);
  }
}
