package org.jeras.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jeras.core.model.Model;
import org.jeras.saving.Models;

/** The {@code -p model=...} parameter of the user-model benchmarks. */
final class UserModelFile {
  private UserModelFile() {}

  /** The file named by {@code model}; a one-line message when it is not given or not a file. */
  static Path path(String model) {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("Pass the model to benchmark: -p model=/path/to/model.keras");
    }
    Path p = Path.of(model);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("No model file at " + p.toAbsolutePath() + " (-p model=...)");
    }
    return p;
  }

  /** Loads the file named by {@code model}. */
  static Model load(String model) {
    return Models.load(path(model));
  }
}
