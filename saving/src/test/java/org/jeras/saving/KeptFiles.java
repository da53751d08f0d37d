package org.jeras.saving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the tests save, kept for real Keras to load when {@code -Djeras.keepSaved=DIR} is given
 * (see {@code conformance/src/test/python/load_in_keras.py}); nothing is kept otherwise.
 */
final class KeptFiles {
  private KeptFiles() {}

  /** Copies {@code saved} to {@code DIR/<set>/<name>.keras} (or {@code .weights.h5}). */
  static void keep(Path saved, String set, String name) throws IOException {
    String dir = System.getProperty("jeras.keepSaved");
    if (dir == null || dir.isEmpty()) {
      return;
    }
    String file = saved.getFileName().toString();
    String suffix = file.endsWith(".weights.h5") ? ".weights.h5" : ".keras";
    Path target = Path.of(dir, set, name + suffix);
    Files.createDirectories(target.getParent());
    Files.copy(saved, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
