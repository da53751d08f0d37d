package org.jeras.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.saving.archive.KerasArchive;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5WeightsReader;
import org.jeras.saving.h5.H5WeightsWriter;
import org.jeras.saving.legacy.LegacyH5;
import org.jeras.saving.legacy.LegacyWeights;
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
   * {@code .keras} archive; an HDF5 file in the legacy layout (a {@code layer_names} attribute, as Keras 2's
   * {@code save_weights} or a legacy {@code .h5} model file) loads by layer order, whatever its name. With {@code skipMismatch}, objects whose variables do not match are
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
    if (Files.isRegularFile(path) && KerasFile.isHdf5(path)) {
      try (H5Reader h5 = H5Reader.open(path)) {
        if (LegacyH5.hasLegacyWeights(h5)) {
          loadLegacy(model, h5, skipMismatch);
          return;
        }
      }
    }
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

  /**
   * Keras's legacy {@code load_weights} on an HDF5 file: by layer order from the root's {@code layer_names}
   * (a legacy weights file) or from the {@code model_weights} group of a whole legacy model file.
   */
  private static void loadLegacy(Layer layer, H5Reader h5, boolean skipMismatch) {
    if (!(layer instanceof Model model)) {
      throw new ConfigException("Legacy HDF5 weights ('" + h5.source() + "') load into a model, not into a "
          + layer.className());
    }
    boolean root = h5.attributeNames("").contains("layer_names");
    LegacyWeights.load(h5, root ? "" : "model_weights", model, skipMismatch);
  }
}
