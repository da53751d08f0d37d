package org.jeras.saving.h5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.jeras.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Every fixture's weights files, read through jHDF, show exactly the layout Keras recorded in manifest.json. */
class H5ReaderFixturesTest {
  /** The cases with status ok in {@code dir/manifest.json}. */
  static List<JsonObject> okCases(Path dir) throws IOException {
    JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : m.getAsJsonArray("cases")) {
      if ("ok".equals(e.getAsJsonObject().get("status").getAsString())) {
        out.add(e.getAsJsonObject());
      }
    }
    return out;
  }

  static byte[] zipMember(Path zip, String member) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.getInputStream(z.getEntry(member)).readAllBytes();
    }
  }

  @Test
  void layoutsMatchManifest() throws IOException {
    int checked = 0;
    for (Path dir : List.of(Fixtures.dir(), Fixtures.dir().resolve("jax"))) {
      for (JsonObject c : okCases(dir)) {
        String name = c.get("name").getAsString();
        List<String> expected = new ArrayList<>();
        c.getAsJsonArray("weights_h5_layout").forEach(x -> expected.add(x.getAsString()));
        Path weights = dir.resolve(name + ".weights.h5");
        Path keras = dir.resolve(name + ".keras");
        assertTrue(Files.exists(keras), "missing " + keras);
        try (H5Reader r = H5Reader.fromBytes(zipMember(keras, "model.weights.h5"), keras + "!model.weights.h5")) {
          H5Structure s = H5Structure.of(r);
          assertEquals(expected, s.layout(), keras.toString());
          assertTrue(r.isGroup("vars"), "root vars group in " + keras);
          assertFalse(r.attribute("vars", "name").orElseThrow().isEmpty());
        }
        if (Files.exists(weights)) {
          try (H5Reader r = H5Reader.open(weights)) {
            List<String> layout = H5Structure.of(r).layout();
            // save_weights never writes optimizer state
            List<String> noOptimizer = expected.stream().filter(l -> !l.startsWith("optimizer/")).toList();
            assertEquals(noOptimizer, layout.stream().filter(l -> !l.startsWith("optimizer/")).toList(), weights.toString());
          }
        }
        checked++;
      }
    }
    assertTrue(checked >= 160, "checked " + checked);
  }
}
