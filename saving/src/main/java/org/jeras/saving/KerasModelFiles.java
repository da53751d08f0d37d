package org.jeras.saving;

import java.nio.file.Path;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.ModelFiles;

/** The Keras v3 file formats behind {@code Model.save}, {@code saveWeights} and {@code loadWeights}. */
public final class KerasModelFiles implements ModelFiles {
  @Override
  public void save(Layer model, Path path) {
    KerasFile.save(model, path);
  }

  @Override
  public void saveWeights(Layer model, Path path) {
    WeightsFile.save(model, path);
  }

  @Override
  public void loadWeights(Layer model, Path path, boolean skipMismatch) {
    WeightsFile.load(model, path, skipMismatch);
  }
}
