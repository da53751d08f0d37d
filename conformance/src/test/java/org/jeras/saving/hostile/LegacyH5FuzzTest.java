package org.jeras.saving.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Model;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzz loop over the Keras-written legacy {@code .h5} model files through
 * {@link Models#load} and {@code loadWeights}: byte mutations anywhere, and same-length edits inside
 * the JSON of the {@code model_config} / {@code training_config} attributes (which h5py stores inline,
 * so the file stays well-formed HDF5 while the config turns hostile). Every failure must be a typed
 * {@link ConfigException}. Budget {@code -Djeras.fuzz.seconds} (default 15 here), seed
 * {@code -Djeras.fuzz.seed}; failing inputs go to {@code target/fuzz-failures}.
 */
class LegacyH5FuzzTest {
  private static final byte[] JSON_START = "{\"class_name\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRAINING_START = "{\"loss\"".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path tmp;

  @Test
  void mutatedLegacyFilesFailOnlyWithTypedErrors() throws Exception {
    long seconds = Long.getLong("jeras.fuzz.seconds", 15);
    long seed = Long.getLong("jeras.fuzz.seed", 20261203L);
    List<Path> seeds = seeds();
    Model target = Models.load(Fixtures.file("seq_mlp.keras"));
    Map<String, String> failures = new LinkedHashMap<>();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Random r = new Random(seed);
    int iterations = 0;
    while (System.nanoTime() < deadline && failures.size() < 20) {
      Path seedFile = seeds.get(r.nextInt(seeds.size()));
      byte[] b = Files.readAllBytes(seedFile);
      byte[] mutant = r.nextBoolean() ? Mutator.bytes(b, r) : jsonInPlace(b, r);
      Path p = tmp.resolve("mutant.h5");
      Files.write(p, mutant);
      for (int t = 0; t < 2; t++) {
        try {
          if (t == 0) {
            Models.load(p);
          } else {
            target.loadWeights(p);
          }
        } catch (ConfigException e) {
          // typed: what every hostile file must give
        } catch (Throwable e) {
          String key = e.getClass().getName() + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
          if (!failures.containsKey(key)) {
            Path keep = Path.of("target", "fuzz-failures", seed + "-" + iterations + "-" + seedFile.getFileName());
            Files.createDirectories(keep.getParent());
            Files.write(keep, mutant);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            failures.put(key, keep + "\n" + trace.toString().lines().limit(12).reduce("", (a, c) -> a + c + "\n"));
          }
        }
      }
      iterations++;
    }
    System.out.println("[legacy fuzz] " + iterations + " mutants in " + seconds + " s, seed " + seed);
    assertTrue(failures.isEmpty(), failures.size() + " untyped failure kinds:\n" + String.join("\n", failures.values()));
  }

  /** Small Keras-written legacy files: Sequential, functional, recurrent, compiled with optimizer state. */
  private static List<Path> seeds() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Fixtures.dir().resolve("legacy"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".h5")).filter(p -> p.toFile().length() < 40_000).sorted()
          .forEach(out::add);
    }
    return out;
  }

  /** 1 to 4 same-length edits of characters inside the inline config JSON (digits, quotes, brackets, letters). */
  private static byte[] jsonInPlace(byte[] in, Random r) {
    byte[] b = in.clone();
    int start = indexOf(b, r.nextInt(3) == 0 ? TRAINING_START : JSON_START);
    if (start < 0) {
      start = indexOf(b, JSON_START);
    }
    if (start < 0) {
      return Mutator.bytes(b, r);
    }
    int end = start;
    while (end < b.length && b[end] != 0) {
      end++;
    }
    byte[] pool = "0123456789-.eE\"{}[],: nulltruefalseNaN".getBytes(StandardCharsets.US_ASCII);
    for (int e = 1 + r.nextInt(4); e > 0; e--) {
      b[start + r.nextInt(end - start)] = pool[r.nextInt(pool.length)];
    }
    return b;
  }

  private static int indexOf(byte[] b, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= b.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (b[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
