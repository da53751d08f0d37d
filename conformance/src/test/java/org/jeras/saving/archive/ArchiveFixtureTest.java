package org.jeras.saving.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.conformance.Fixtures;
import org.jeras.saving.KerasFixturesTest;
import org.jeras.saving.Models;
import org.jeras.saving.h5.FixtureCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive checked against files written by real Keras (the fixtures). */
class ArchiveFixtureTest {
  @TempDir
  Path tmp;

  @Test
  void storedZipWriterReproducesKerasArchivesByteForByte() throws IOException {
    for (String name : new String[] {"seq_mlp", "custom_assets", "opt_adam_cce"}) {
      Path original = Fixtures.file(name + ".keras");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StoredZipWriter w = new StoredZipWriter(out);
      try (ZipFile z = new ZipFile(original.toFile())) {
        for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          byte[] data = z.getInputStream(entry).readAllBytes();
          // Python gives members written from memory ?rw------- and files copied from disk their own mode.
          int mode = entry.getName().startsWith("assets/") ? 0100644 : StoredZipWriter.MEMORY_MODE;
          w.add(entry.getName(), data, entry.getTimeLocal(), mode);
        }
      }
      w.finish();
      assertArrayEquals(Files.readAllBytes(original), out.toByteArray(), name);
    }
  }

  @Test
  void pythonJsonWritesConfigsAsKerasDoes() throws IOException {
    int n = 0;
    for (JsonObject c : FixtureCases.ok(Fixtures.dir())) {
      String name = c.get("name").getAsString();
      String text = new String(FixtureCases.zipMember(Fixtures.file(name + ".keras"), "config.json"), StandardCharsets.UTF_8);
      assertEquals(text, PythonJson.dumps(JsonParser.parseString(text)), name);
      String meta = new String(FixtureCases.zipMember(Fixtures.file(name + ".keras"), "metadata.json"), StandardCharsets.UTF_8);
      assertEquals(meta, PythonJson.dumps(JsonParser.parseString(meta)), name);
      n++;
    }
    assertTrue(n > 80);
    JsonObject o = new JsonObject();
    o.addProperty("s", "caf\u00e9 \"q\" \\ \n\t\u0001\u007f\ud83d\ude00");
    o.add("f", new JsonPrimitive(1e-7));
    o.add("g", new JsonPrimitive(0.5f));
    o.add("i", new JsonPrimitive(3));
    o.add("a", new JsonArray());
    o.add("o", new JsonObject());
    o.add("n", JsonNull.INSTANCE);
    assertEquals("{\"s\": \"caf\\u00e9 \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f\\ud83d\\ude00\", \"f\": 1e-07, \"g\": 0.5, "
        + "\"i\": 3, \"a\": [], \"o\": {}, \"n\": null}", PythonJson.dumps(o));
  }

  @Test
  void readsDeflatedArchivesAndTheDirectoryForm() throws IOException {
    Path original = Fixtures.file("func_multi_io.keras");
    Path deflated = tmp.resolve("deflated.keras");
    Path dir = tmp.resolve("unzipped");
    Files.createDirectories(dir);
    try (ZipFile z = new ZipFile(original.toFile());
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(deflated))) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] data = z.getInputStream(entry).readAllBytes();
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(data);
        out.closeEntry();
        Files.write(dir.resolve(entry.getName()), data);
      }
    }
    try (KerasArchive a = KerasArchive.open(deflated)) {
      assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"), a.members());
      assertArrayEquals(FixtureCases.zipMember(original, "model.weights.h5"), a.read("model.weights.h5"));
    }
    var io = Npz.read(Fixtures.file("func_multi_io.io.npz"));
    for (Path p : List.of(deflated, dir)) {
      Model m = Models.load(p);
      KerasFixturesTest.checkPredictions(m, io, p.toString());
    }
  }

  @Test
  void extractsAssetsAndCleansUp() throws IOException {
    Path extracted;
    try (KerasArchive a = KerasArchive.open(Fixtures.file("custom_assets.keras"))) {
      extracted = a.assetsDir().orElseThrow();
      Path vocab = extracted.resolve("layers/vocab_length_weighting/vocabulary.txt");
      assertArrayEquals(FixtureCases.zipMember(Fixtures.file("custom_assets.keras"),
          "assets/layers/vocab_length_weighting/vocabulary.txt"), Files.readAllBytes(vocab));
    }
    assertTrue(!Files.exists(extracted), "temporary assets removed on close");
  }
}
