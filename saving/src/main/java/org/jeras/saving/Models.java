package org.jeras.saving;

import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;

/** Loading whole models, as Keras's {@code keras.models.load_model}. */
public final class Models {
  private Models() {}

  /**
   * Loads the model saved at {@code path} with Keras's defaults (compile, safe mode).
   *
   * @param path a {@code .keras} file, an unzipped model directory or a legacy {@code .h5} model file
   * @return the loaded model
   */
  public static Model load(Path path) {
    return load(path, LoadOptions.DEFAULT);
  }

  /**
   * Loads the model saved at {@code path}: a {@code .keras} file, an unzipped model directory or a Keras 2 /
   * legacy HDF5 model file ({@code model.save("m.h5")}); the file's content, not its extension, decides.
   *
   * @param path a {@code .keras} file, an unzipped model directory or a legacy {@code .h5} model file
   * @param options Keras's {@code load_model} arguments
   * @return the loaded model
   */
  public static Model load(Path path, LoadOptions options) {
    Layer l = KerasFile.load(path, options);
    if (!(l instanceof Model m)) {
      throw new ConfigException("'" + path + "' holds a " + l.className() + ", not a model");
    }
    return m;
  }
}
