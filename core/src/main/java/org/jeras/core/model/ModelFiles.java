package org.jeras.core.model;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.jeras.core.layer.Layer;

/**
 * Where {@link Model#save} and the weights methods find the file format: the {@code saving}
 * module provides it through {@link ServiceLoader}, so core does not depend on it.
 */
public interface ModelFiles {
  /**
   * Writes a {@code .keras} archive (or an unzipped directory).
   *
   * @param model the model to save
   * @param path the file or directory to write
   */
  void save(Layer model, Path path);

  /**
   * Writes a {@code .weights.h5} file.
   *
   * @param model the model to save
   * @param path the file to write
   */
  void saveWeights(Layer model, Path path);

  /**
   * Reads a {@code .weights.h5} file into {@code model}; with {@code skipMismatch}, mismatched layers are left as they are.
   *
   * @param model the model to fill
   * @param path the file to read
   * @param skipMismatch whether to skip mismatched layers
   */
  void loadWeights(Layer model, Path path, boolean skipMismatch);

  /** {@return the provider on the class path; fails with a clear message when the saving module is absent} */
  static ModelFiles provider() {
    return ServiceLoader.load(ModelFiles.class, ModelFiles.class.getClassLoader()).findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "Saving needs the jeras-saving module on the class path (org.jeras:jeras-saving)"));
  }
}
