package org.jeras.saving.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jeras.core.config.ConfigException;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.conformance.Fixtures;
import org.jeras.saving.Models;
import org.jeras.saving.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzz loop over the real-Keras fixtures ({@code *.keras}, {@code *.weights.h5},
 * {@code *.io.npz}) through {@link Models#load}, {@link WeightsFile#load} and {@link Npz#read}:
 * every failure must be a typed {@link ConfigException}, never an OutOfMemoryError,
 * StackOverflowError, NullPointerException, IndexOutOfBoundsException, ClassCastException or other
 * untyped error. The budget is {@code -Djeras.fuzz.seconds} (default 40) and the seed
 * {@code -Djeras.fuzz.seed} (default 20261203); a failing input is written under
 * {@code target/fuzz-failures} with the seed and iteration that made it.
 */
class HostileFuzzTest {
  @TempDir
  Path tmp;

  private interface Target {
    void load(Path p) throws Exception;
  }

  @Test
  void mutatedFixturesFailOnlyWithTypedErrors() throws Exception {
    long seconds = Long.getLong("jeras.fuzz.seconds", 40);
    long seed = Long.getLong("jeras.fuzz.seed", 20261203L);
    List<Path> keras = fixtures(".keras");
    List<Path> weights = fixtures(".weights.h5");
    List<Path> npz = fixtures(".io.npz");
    Map<String, String> failures = new LinkedHashMap<>();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Random r = new Random(seed);
    int iterations = 0;
    while (System.nanoTime() < deadline && failures.size() < 20) {
      int kind = iterations % 3;
      Path seedFile;
      String suffix;
      Target target;
      byte[] mutant;
      if (kind == 0) {
        seedFile = keras.get(r.nextInt(keras.size()));
        suffix = ".keras";
        byte[] b = Files.readAllBytes(seedFile);
        mutant = r.nextInt(4) == 0 ? Mutator.bytes(b, r) : Mutator.zipMember(b, r);
        target = Models::load;
      } else if (kind == 1) {
        seedFile = weights.get(r.nextInt(weights.size()));
        suffix = ".weights.h5";
        mutant = Mutator.bytes(Files.readAllBytes(seedFile), r);
        Path model = seedFile.resolveSibling(seedFile.getFileName().toString().replace(".weights.h5", ".keras"));
        target = p -> {
          Model m;
          try {
            m = Models.load(model);
          } catch (ConfigException e) {
            return; // the fixture itself needs custom objects or is refused: nothing to load into
          }
          WeightsFile.load(m, p, false);
        };
      } else {
        seedFile = npz.get(r.nextInt(npz.size()));
        suffix = ".npz";
        byte[] b = Files.readAllBytes(seedFile);
        mutant = r.nextBoolean() ? Mutator.bytes(b, r) : Mutator.zipMember(b, r);
        target = Npz::read;
      }
      Path p = tmp.resolve("mutant" + suffix);
      Files.write(p, mutant);
      try {
        target.load(p);
      } catch (ConfigException e) {
        // typed: what every hostile file must give
      } catch (Throwable t) {
        String key = t.getClass().getName() + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?");
        if (!failures.containsKey(key)) {
          Path keep = Path.of("target", "fuzz-failures", seed + "-" + iterations + "-" + seedFile.getFileName());
          Files.createDirectories(keep.getParent());
          Files.write(keep, mutant);
          StringWriter trace = new StringWriter();
          t.printStackTrace(new PrintWriter(trace));
          failures.put(key, keep + "\n" + trace.toString().lines().limit(12).reduce("", (a, c) -> a + c + "\n"));
        }
      }
      iterations++;
    }
    System.out.println("[fuzz] " + iterations + " mutants in " + seconds + " s, seed " + seed);
    assertTrue(failures.isEmpty(), failures.size() + " untyped failure kinds:\n" + String.join("\n", failures.values()));
  }

  private static List<Path> fixtures(String suffix) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Fixtures.dir())) {
      s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(out::add);
    }
    return out;
  }
}
