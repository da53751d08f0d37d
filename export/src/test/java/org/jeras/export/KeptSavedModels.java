package org.jeras.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jeras.core.io.Npz;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SavedModels the tests export, kept for TensorFlow to load when {@code -Djeras.keepSavedModels=DIR}
 * is given (see {@code export/src/test/python/check_saved_model.py}); nothing is kept otherwise.
 */
public final class KeptSavedModels {
  private KeptSavedModels() {}

  /**
   * Copies the SavedModel directory {@code exported} to {@code DIR/<name>/model}, with {@code io}
   * (inputs {@code x0..}, Jeras's outputs {@code y0..}, collection values {@code <collection>_i})
   * in {@code io.npz} and the endpoint to call in {@code endpoint}; a kept copy from an earlier run is replaced.
   */
  public static void keep(Path exported, String name, String endpoint, Map<String, INDArray> io) throws IOException {
    String keep = System.getProperty("jeras.keepSavedModels");
    if (keep == null || keep.isEmpty()) {
      return;
    }
    Path target = Path.of(keep, name);
    try (Stream<Path> files = Files.walk(exported)) {
      for (Path p : files.toList()) {
        Path to = target.resolve("model").resolve(exported.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Npz.write(target.resolve("io.npz"), new TreeMap<>(io));
    Files.writeString(target.resolve("endpoint"), endpoint);
  }
}
