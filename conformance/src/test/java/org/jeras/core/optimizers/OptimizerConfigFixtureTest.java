package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;

/** OptimizerConfig checked against files written by real Keras (the fixtures). */
class OptimizerConfigFixtureTest {

  /** Every compiled fixture (torch and jax saves, models and trajectories) names an optimizer Jeras rebuilds exactly. */
  @Test
  void everyFixtureCompileConfigRoundTrips() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("", "jax", "trajectories", "trajectories/jax")) {
      try (Stream<Path> s = Files.list(Fixtures.dir().resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".keras")).sorted().forEach(files::add);
      }
    }
    int checked = 0;
    for (Path f : files) {
      JsonObject root;
      try (ZipFile zip = new ZipFile(f.toFile())) {
        var entry = zip.getEntry("config.json");
        if (entry == null) {
          continue;
        }
        root = JsonParser.parseReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))
            .getAsJsonObject();
      } catch (ZipException e) {
        continue; // deliberately broken fixtures belong to the saving tests
      }
      JsonElement compile = root.get("compile_config");
      if (compile == null || !compile.isJsonObject() || !compile.getAsJsonObject().has("optimizer")) {
        continue;
      }
      JsonObject dict = compile.getAsJsonObject().getAsJsonObject("optimizer");
      Optimizer opt = Serialization.deserialize(dict, Optimizer.class);
      assertEquals(dict.get("class_name").getAsString(), opt.className(), f.toString());
      assertEquals(Config.of(dict.getAsJsonObject("config")).toJson(), opt.getConfig().toJson(), f.toString());
      checked++;
    }
    assertTrue(checked >= 70, "compiled fixtures found: " + checked);
  }
}
