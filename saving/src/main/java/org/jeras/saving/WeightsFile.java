package org.jeras.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Layer;
import org.jeras.saving.archive.KerasArchive;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5WeightsReader;
import org.jeras.saving.h5.H5WeightsWriter;
import org.jeras.saving.state.StateWalker;

/**
 * Keras's weights-only files ({@code model.save_weights} / {@code load_weights}): the same
 * {@code model.weights.h5} layout as inside a {@code .keras} archive, optimizer state included.
 */
public final class WeightsFile {
  private WeightsFile() {}

  /**
   * Writes the state of {@code model} to {@code path} (which must end in {@code .weights.h5}), atomically.
   *
   * @param model the model (or layer) whose state to write
   * @param path the {@code .weights.h5} file to write
   */
  public static void save(Layer model, Path path) {
    if (!model.isBuilt()) {
      throw new ConfigException("You are saving a model that has not yet been built. Try building the model first "
          + "by calling it on some data or by using `build()`.");
    }
    if (!path.getFileName().toString().endsWith(".weights.h5")) {
      throw new ConfigException("The filename must end in `.weights.h5`. Received: filepath=" + path);
    }
    H5WeightsWriter weights = new H5WeightsWriter();
    StateWalker.save(model, weights, null);
    try {
      AtomicFile.write(path, weights::writeTo);
    } catch (IOException e) {
      throw new UncheckedIOException("Saving weights to " + path + " failed", e);
    }
  }

  /**
   * Loads the state of {@code model} from a {@code .weights.h5} file or the weights of a
   * {@code .keras} archive. With {@code skipMismatch}, objects whose variables do not match are
   * left as they are and reported as a warning instead of an error.
   *
   * @param model the built model (or layer) to fill
   * @param path a {@code .weights.h5} or {@code .keras} file
   * @param skipMismatch skip objects whose saved variables do not match instead of failing
   */
  public static void load(Layer model, Path path, boolean skipMismatch) {
    if (!model.isBuilt()) {
      throw new ConfigException("You are loading weights into a model that has not yet been built. Try building the "
          + "model first by calling it on some data or by using `build()`.");
    }
    KerasFile.checkExists(path);
    String name = path.getFileName().toString();
    if (name.endsWith("weights.h5")) {
      try (H5WeightsReader r = new H5WeightsReader(H5Reader.open(path))) {
        StateWalker.load(model, r, null, skipMismatch);
      }
    } else if (name.endsWith(".keras")) {
      try (KerasArchive archive = KerasArchive.open(path); H5WeightsReader r = KerasFile.weightsOf(archive)) {
        StateWalker.load(model, r, null, skipMismatch);
      }
    } else {
      throw new ConfigException("Weights can be loaded from a `.weights.h5` or `.keras` file. Received: filepath=" + path);
    }
  }
}
