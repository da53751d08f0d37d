package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.saving.archive.Metadata;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5Structures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Models loaded from fixtures and saved again give archives with Keras's member list, order and
 * (stored) compression, and weights files with the fixture's groups, attributes, datasets and
 * values; the saved files load back to the same predictions.
 */
public class KerasSaveRoundTripTest {
  @TempDir
  Path tmp;

  public static List<String> members(Path zip) throws IOException {
    List<String> out = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        out.add(entry.getName() + (entry.getMethod() == ZipEntry.STORED ? " stored" : " deflated"));
      }
    }
    // Keras zips its asset directory in os.listdir order (the file system's, not reproducible): the
    // asset members keep their places in the list but are compared in sorted order.
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).startsWith("assets/")) {
        at.add(i);
      }
    }
    List<String> assets = at.stream().map(out::get).sorted().toList();
    for (int k = 0; k < at.size(); k++) {
      out.set(at.get(k), assets.get(k));
    }
    return out;
  }

  /** The structure of an HDF5 file without its {@code optimizer} group. */
  static List<String> withoutOptimizer(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("G /optimizer") && !l.startsWith("D /optimizer")).toList();
  }

  /** config.json parsed, with shared_object_id values (Python object ids) replaced by a marker; the keys stay. */
  /**
   * The same config.json (shared object ids aside), each object's keys in the same order: Python
   * dicts keep insertion order, so Keras's files show it, and Jeras's must too.
   */
  static void assertSameConfig(Path original, Path saved, String what) throws IOException {
    JsonElement expected = configWithoutIds(original);
    JsonElement actual = configWithoutIds(saved);
    assertEquals(expected, actual, what + ": config.json");
    List<String> want = keyOrders(expected, "", new ArrayList<>());
    List<String> got = keyOrders(actual, "", new ArrayList<>());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), got.get(i), what + ": config.json key order");
    }
  }

  private static List<String> keyOrders(JsonElement e, String path, List<String> out) {
    if (e.isJsonObject()) {
      out.add(path + " " + e.getAsJsonObject().keySet());
      e.getAsJsonObject().entrySet().forEach(x -> keyOrders(x.getValue(), path + "/" + x.getKey(), out));
    } else if (e.isJsonArray()) {
      for (int i = 0; i < e.getAsJsonArray().size(); i++) {
        keyOrders(e.getAsJsonArray().get(i), path + "/" + i, out);
      }
    }
    return out;
  }

  private static JsonElement configWithoutIds(Path keras) throws IOException {
    JsonElement e = JsonParser.parseString(
        new String(FixtureCases.zipMember(keras, "config.json"), StandardCharsets.UTF_8));
    maskIds(e);
    // Jeras writes the optimizer in the backend-neutral form jax and numpy write
    // (module keras.optimizers, registered_name null); torch files name a backend module.
    JsonObject cc = e.getAsJsonObject().getAsJsonObject("compile_config");
    if (cc != null && cc.has("optimizer") && cc.get("optimizer").isJsonObject()) {
      JsonObject opt = cc.getAsJsonObject("optimizer");
      if (opt.get("module").getAsString().startsWith("keras.src.backend.")) {
        opt.addProperty("module", "keras.optimizers");
        opt.add("registered_name", JsonNull.INSTANCE);
      }
    }
    return e;
  }

  private static void maskIds(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("shared_object_id")) {
        o.addProperty("shared_object_id", "<id>");
      }
      o.entrySet().forEach(x -> maskIds(x.getValue()));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(KerasSaveRoundTripTest::maskIds);
    }
  }

  static List<Case> cases() {
    return KerasCases.loadable();
  }

  /** Each loadable fixture file, re-saved as {@code .keras} and {@code .weights.h5}, matches the file Keras wrote. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void savedFilesMatchKerasFiles(Case c) throws IOException {
    String name = c.name();
    Path dir = c.keras().getParent();
    JsonObject manifestCase = c.manifest();
    Path original = dir.resolve(name + ".keras");
    // Each fixture was written in a fresh Keras session: a layer whose config holds no name
    // (the guide's CustomLayer) gets the session's first auto name, as it did there.
    Names.reset();
    Model m = Models.load(original, KerasFixturesTest.OPTIONS);
    Path saved = tmp.resolve(dir.getFileName() + "_" + name + ".keras");
    KerasFile.save(m, saved);
    KeptFiles.keep(saved, "resaved-" + (dir.equals(Fixtures.dir()) ? "torch" : "jax"), name);

    assertEquals(members(original), members(saved), name + ": zip members");
    assertSameConfig(original, saved, name);
    byte[] meta = FixtureCases.zipMember(saved, "metadata.json");
    Metadata md = Metadata.parse(new String(meta, StandardCharsets.UTF_8));
    assertEquals("3.16.0", md.kerasVersion());
    assertTrue(md.dateSaved().matches("\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d"), md.dateSaved());

    H5Structures expected = H5Structures.of(FixtureCases.zipMember(original, "model.weights.h5"), name);
    H5Structures actual = H5Structures.of(FixtureCases.zipMember(saved, "model.weights.h5"), name + " (saved)");
    // A compiled model's optimizer is built on load (as Keras's compile_from_config does), so an
    // optimizer that was never built when Keras saved comes back with all its slots.
    boolean sameOptimizer = !manifestCase.get("compiled").getAsBoolean() || manifestCase.get("optimizer_built").getAsBoolean();
    assertEquals(sameOptimizer ? expected.lines() : withoutOptimizer(expected.lines()),
        sameOptimizer ? actual.lines() : withoutOptimizer(actual.lines()), name + ": model.weights.h5 structure");
    expected.assertSameValues(actual, name);

    Map<String, INDArray> io = Npz.read(dir.resolve(name + ".io.npz"));
    KerasFixturesTest.checkPredictions(Models.load(saved, KerasFixturesTest.OPTIONS), io, name + " (re-loaded)");

    Path weights = tmp.resolve(dir.getFileName() + "_" + name + ".weights.h5");
    WeightsFile.save(m, weights);
    KeptFiles.keep(weights, "resaved-" + (dir.equals(Fixtures.dir()) ? "torch" : "jax"), name);
    H5Structures expectedWeights;
    try (H5Reader r = H5Reader.open(dir.resolve(name + ".weights.h5"))) {
      expectedWeights = H5Structures.of(r);
    }
    H5Structures savedWeights;
    try (H5Reader r = H5Reader.open(weights)) {
      savedWeights = H5Structures.of(r);
    }
    assertEquals(sameOptimizer ? expectedWeights.lines() : withoutOptimizer(expectedWeights.lines()),
        sameOptimizer ? savedWeights.lines() : withoutOptimizer(savedWeights.lines()), name + ": .weights.h5 structure");
    expectedWeights.assertSameValues(savedWeights, name);
  }
}
