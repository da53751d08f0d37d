package org.jeras.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The real-Keras fixtures beside the repository ({@code ../shared/fixtures/keras}). */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture directory; fails (never skips) when it is missing. */
  public static Path dir() {
    String p = System.getProperty("jeras.fixtures", "../shared/fixtures/keras");
    Path dir = Path.of(p).toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(dir), "Keras fixtures not found at " + dir);
    return dir;
  }

  public static Path file(String name) {
    Path f = dir().resolve(name);
    assertTrue(Files.exists(f), "Missing fixture " + f);
    return f;
  }

  public static Map<String, INDArray> npz(String name) {
    try {
      return Npz.read(file(name));
    } catch (IOException e) {
      throw new AssertionError("Cannot read fixture " + name, e);
    }
  }
}
