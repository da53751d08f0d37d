package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The files written by real Keras that this module's tests check Jeras against: the test resources
 * under {@code keras/} (the fixture cases, {@code jax/}, {@code trajectories/} and {@code extra/}).
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture directory (test resources {@code keras/}). */
  public static Path dir() {
    URL url = Fixtures.class.getClassLoader().getResource("keras/manifest.json");
    assertTrue(url != null, "Keras fixtures not found on the test classpath (keras/manifest.json)");
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new AssertionError("Bad fixture location " + url, e);
    }
  }

  /** The fixture file at {@code name} relative to {@link #dir()}; fails when it is missing. */
  public static Path file(String name) {
    Path f = dir().resolve(name);
    assertTrue(Files.exists(f), "Missing fixture " + f);
    return f;
  }

  /** The arrays of the fixture {@code .npz} file at {@code name}. */
  public static Map<String, INDArray> npz(String name) {
    try {
      return Npz.read(file(name));
    } catch (IOException e) {
      throw new AssertionError("Cannot read fixture " + name, e);
    }
  }

  /**
   * The files under the {@code extra} resources (the project's own real-Keras files) whose names end
   * with {@code suffix}, sorted.
   */
  public static java.util.List<Path> extraFiles(String suffix) {
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir().resolve("extra"))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
