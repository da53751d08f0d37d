package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every keras.applications member real Keras saved into a local cache (written by
 * {@code conformance/src/test/python/applications/gen_applications_cache.py}, Keras's own random
 * initialisation, too big to commit) passes {@link ApplicationChecks#check}. Runs only when the
 * system property {@code jeras.applications.cache} or the environment variable
 * {@code JERAS_APPLICATIONS_CACHE} names the cache folder, e.g.
 * {@code JERAS_APPLICATIONS_CACHE=$HOME/.cache/jeras/applications ./mvnw -B -ntp -o test -pl conformance -am
 * -Dtest=ApplicationsCacheTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ApplicationsCacheTest {
  @TempDir
  Path tmp;

  /** The cache folder, or null when none is named. */
  static Path cache() {
    String dir = System.getProperty("jeras.applications.cache", System.getenv("JERAS_APPLICATIONS_CACHE"));
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  static Stream<Path> files() throws IOException {
    Path dir = cache();
    if (dir == null) {
      return Stream.of((Path) null);
    }
    assertTrue(Files.isDirectory(dir), "JERAS_APPLICATIONS_CACHE is not a folder: " + dir);
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".keras")).sorted().toList();
      assertTrue(!files.isEmpty(), "No .keras files in the applications cache " + dir);
      return files.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsPredictsSavesAndFineTunes(Path keras) throws IOException {
    Assumptions.assumeTrue(keras != null, "no applications cache named (JERAS_APPLICATIONS_CACHE)");
    ApplicationChecks.check(keras, tmp);
  }
}
