package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasCases;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.saving.h5.H5Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras 2 / legacy HDF5 model files ({@code keras/legacy/NAME.h5}, written by real Keras 3.16 with
 * {@code model.save("NAME.h5")} from the fixture models by {@code gen_legacy.py}, which lists them in
 * {@code legacy.json}): each loads, predicts Keras's outputs (the fixture's {@code NAME.io.npz}) within
 * 1e-5, saves as {@code .keras} and reloads to the same predictions. Compiled ones come back compiled with
 * the saved optimizer state.
 */
class LegacyH5FilesTest {
  /** Written files Jeras does not load yet, with why; shrink-only (a listed file that loads fails the test). */
  static final Map<String, String> PENDING = Map.of();

  @TempDir
  Path tmp;

  static Path dir() {
    return Fixtures.dir().resolve("legacy");
  }

  static JsonObject report() throws IOException {
    return JsonParser.parseString(Files.readString(dir().resolve("legacy.json"))).getAsJsonObject()
        .getAsJsonObject("cases");
  }

  static Stream<String> written() throws IOException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, com.google.gson.JsonElement> e : new TreeMap<>(report().asMap()).entrySet()) {
      JsonObject c = e.getValue().getAsJsonObject();
      if (c.get("written").getAsBoolean() && !c.has("weights_only")) {
        out.add(e.getKey());
      }
    }
    return out.stream();
  }

  static Map<String, INDArray> io(String name) throws IOException {
    String io = report().getAsJsonObject(name).get("io").getAsString();
    Path local = dir().resolve(io);
    return Npz.read(Files.exists(local) ? local : Fixtures.file(io));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("written")
  void loadsPredictsAndResavesAsKeras(String name) throws IOException {
    Path h5 = dir().resolve(name + ".h5");
    Names.reset();
    if (PENDING.containsKey(name)) {
      assertThrows(RuntimeException.class, () -> Models.load(h5, KerasFixturesTest.OPTIONS),
          name + " loads now: remove it from PENDING");
      return;
    }
    if (KerasCases.REFUSED.containsKey(name)) {
      // Safe mode refuses what it refuses in the .keras file, whatever the format.
      assertThrows(UnsafeFileException.class, () -> Models.load(h5, KerasFixturesTest.OPTIONS));
      return;
    }
    Map<String, INDArray> io = io(name);
    Model m = Models.load(h5, KerasFixturesTest.OPTIONS);
    KerasFixturesTest.checkPredictions(m, io, name + ".h5");
    boolean compiled;
    try (H5Reader r = H5Reader.open(h5)) {
      compiled = r.attributeNames("").contains("training_config");
      assertEquals(compiled, m.isCompiled(), name + ": compiled");
      if (compiled && r.has("optimizer_weights")) {
        List<Variable> vars = m.optimizer().variables();
        List<INDArray> saved = org.jeras.saving.legacy.LegacyWeights.values(r, "optimizer_weights");
        if (saved.size() != vars.size()) {
          // As Keras: state saved from an optimizer never built (SGD before any step keeps only iteration and
          // learning rate) does not fit the built one, which starts fresh.
          assertEquals(0, m.optimizer().iterations(), name + ": a fresh optimizer");
          assertTrue(saved.size() < vars.size(), name + ": optimizer variables");
        }
        for (int i = 0; i < vars.size() && saved.size() == vars.size(); i++) {
          assertEquals(saved.get(i).castTo(vars.get(i).array().dataType()), vars.get(i).array(),
              name + ": optimizer variable " + vars.get(i).path());
        }
      }
    }
    Path saved = tmp.resolve(name + ".keras");
    m.save(saved);
    Names.reset();
    Model reloaded = Models.load(saved, KerasFixturesTest.OPTIONS);
    KerasFixturesTest.checkPredictions(reloaded, io, name + " re-saved as .keras");
    assertEquals(compiled, reloaded.isCompiled(), name + ": re-saved compiled");
  }

  /** The content decides: a legacy model renamed to {@code .keras} (or without extension) still loads. */
  @Test
  void theFormatComesFromTheContentNotTheExtension() throws IOException {
    Map<String, INDArray> io = Npz.read(Fixtures.file("seq_mlp.io.npz"));
    for (String renamed : new String[] {"seq_mlp.keras", "seq_mlp"}) {
      Path copy = Files.copy(dir().resolve("seq_mlp.h5"), tmp.resolve(renamed));
      KerasFixturesTest.checkPredictions(Models.load(copy), io, renamed);
    }
    Path zipAsH5 = Files.copy(Fixtures.file("seq_mlp.keras"), tmp.resolve("zip.h5"));
    KerasFixturesTest.checkPredictions(Models.load(zipAsH5), io, "zip.h5");
  }

  /** {@code loadWeights} reads the legacy weights-only layout (root {@code layer_names}) and a legacy model file. */
  @Test
  void legacyWeightsLoadByLayerOrder() throws IOException {
    Map<String, INDArray> io = Npz.read(Fixtures.file("seq_mlp.io.npz"));
    for (String file : new String[] {"seq_mlp.legacy_weights.h5", "seq_mlp.h5"}) {
      Names.reset();
      Model fresh = Models.load(Fixtures.file("seq_mlp.keras"));
      for (Variable v : fresh.weights()) {
        v.assign(v.array().mul(0));
      }
      fresh.loadWeights(dir().resolve(file));
      KerasFixturesTest.checkPredictions(fresh, io, file);
    }
  }

  /** Every file in the directory is a listed case, so a lost or unlisted file fails the suite. */
  @Test
  void everyFileIsListed() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(dir())) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h5")).sorted().toList();
    }
    List<String> listed = new ArrayList<>();
    for (Map.Entry<String, com.google.gson.JsonElement> e : report().entrySet()) {
      if (e.getValue().getAsJsonObject().get("written").getAsBoolean()) {
        listed.add(e.getKey() + ".h5");
      }
    }
    assertEquals(listed.stream().sorted().toList(), files);
    assertTrue(files.size() >= 70, "legacy files: " + files.size());
    assertFalse(PENDING.keySet().stream().anyMatch(n -> !listed.contains(n + ".h5")), "PENDING names unknown files");
  }
}
