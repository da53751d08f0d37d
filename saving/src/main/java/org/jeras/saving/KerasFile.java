package org.jeras.saving;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Optional;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.config.SharingScope;
import org.jeras.core.config.Untrusted;
import org.jeras.core.io.LoadLimits;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.saving.archive.KerasArchive;
import org.jeras.saving.archive.KerasArchiveWriter;
import org.jeras.saving.archive.Metadata;
import org.jeras.saving.archive.PythonJson;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5WeightsReader;
import org.jeras.saving.h5.H5WeightsWriter;
import org.jeras.saving.legacy.LegacyH5;
import org.jeras.saving.state.AssetsStore;
import org.jeras.saving.state.StateWalker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keras v3 {@code .keras} format: {@code config.json} (the model's serialized config),
 * {@code metadata.json}, {@code model.weights.h5} (every saveable's variables) and
 * {@code assets/}, read and written as Keras 3 reads and writes them.
 */
public final class KerasFile {
  private static final Logger LOG = LoggerFactory.getLogger(KerasFile.class);

  private KerasFile() {}

  /**
   * Saves {@code model} to {@code path} (which must end in {@code .keras}), replacing any file atomically.
   *
   * @param model the model (or layer) to save
   * @param path the {@code .keras} file to write
   */
  public static void save(Layer model, Path path) {
    if (!path.getFileName().toString().endsWith(".keras")) {
      throw new ConfigException("Invalid `filepath` argument: expected a `.keras` extension. Received: filepath=" + path);
    }
    if (!model.isBuilt()) {
      LOG.warn("You are saving a model that has not yet been built. It might not contain any weights yet. "
          + "Consider building the model first by calling it on some data.");
    }
    String config;
    try (SharingScope sharing = SharingScope.open()) {
      config = PythonJson.dumps(Serialization.serialize(model));
    }
    LocalDateTime now = LocalDateTime.now();
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("jeras-save");
      Path assetsRoot = tmp.resolve(KerasArchive.ASSETS);
      H5WeightsWriter weights = new H5WeightsWriter();
      StateWalker.save(model, weights, new AssetsStore(assetsRoot));
      KerasArchiveWriter.write(path, config, Metadata.now(now), weights::writeTo, assetsRoot, now);
    } catch (IOException e) {
      throw new UncheckedIOException("Saving to " + path + " failed", e);
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Loads a model from a {@code .keras} file or an unzipped model directory: rebuilds it from
   * {@code config.json} (building from each {@code build_config}, compiling from
   * {@code compile_config} when asked), then loads every saveable's variables and assets. A file that
   * begins with the HDF5 signature is read as a Keras 2 / legacy {@code .h5} model ({@link LegacyH5}),
   * a zip as a {@code .keras} archive, whatever their extensions.
   *
   * @param path a {@code .keras} file, an unzipped model directory or a legacy HDF5 model file
   * @param options Keras's {@code load_model} arguments
   * @return the loaded model (or layer)
   */
  public static Layer load(Path path, LoadOptions options) {
    if (Files.isRegularFile(path)) {
      // The content decides the format, whatever the extension: HDF5 is a legacy model (or weights), a zip
      // is a .keras archive.
      if (startsWith(path, HDF5_SIGNATURE)) {
        return loadHdf5(path, options);
      }
      if (!startsWith(path, ZIP_SIGNATURE) && !path.getFileName().toString().endsWith(".keras")) {
        throw new ConfigException("Invalid filename: expected a `.keras` extension. Received: filepath=" + path);
      }
    } else if (!Files.isDirectory(path) && !path.getFileName().toString().endsWith(".keras")) {
      throw new ConfigException("Invalid filename: expected a `.keras` extension. Received: filepath=" + path);
    }
    checkExists(path);
    try (KerasArchive archive = KerasArchive.open(path)) {
      String config = archive.configJson();
      // The weights the config declares are bounded by what the weights file could fill.
      Layer model = LoadLimits.withWeightsBudget(archive.size(KerasArchive.WEIGHTS_H5), () -> fromConfig(config, options));
      try (H5WeightsReader weights = weightsOf(archive)) {
        // Keras opens the assets only when the archive holds more than its three standard members.
        Optional<Path> assetsDir = archive.members().size() > 3 ? archive.assetsDir() : Optional.empty();
        StateWalker.load(model, weights, assetsDir.map(AssetsStore::new).orElse(null), false);
      }
      return model;
    }
  }

  /** Fails with a one-line message naming {@code path} when there is no file or directory there. */
  static void checkExists(Path path) {
    if (!Files.exists(path)) {
      throw new ConfigException("File '" + path + "' does not exist");
    }
  }

  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

  /**
   * An HDF5 file: a whole model in the Keras 2 / legacy format (its root has a {@code model_config}
   * attribute) loads through {@link LegacyH5}; other HDF5 files are weights, refused by name.
   */
  private static Layer loadHdf5(Path path, LoadOptions options) {
    try (H5Reader r = H5Reader.open(path)) {
      if (LegacyH5.isModel(r)) {
        return LegacyH5.load(r, options);
      }
    }
    throw new ConfigException("'" + path + "' is an HDF5 file without a model config (a weights file?): load it "
        + "into a model with Model.loadWeights, or load a .keras or legacy .h5 model file");
  }

  /**
   * {@return whether the file at {@code path} begins with the HDF5 signature}
   *
   * @param path a regular file
   */
  static boolean isHdf5(Path path) {
    return startsWith(path, HDF5_SIGNATURE);
  }

  private static boolean startsWith(Path path, byte[] signature) {
    try (var in = Files.newInputStream(path)) {
      return java.util.Arrays.equals(in.readNBytes(signature.length), signature);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /**
   * Deserializes a model from the text of a {@code config.json}.
   *
   * @param configJson the text of a {@code config.json}
   * @param options Keras's {@code load_model} arguments
   * @return the deserialized model (or layer), not yet holding saved weights
   */
  public static Layer fromConfig(String configJson, LoadOptions options) {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(configJson);
    } catch (RuntimeException e) {
      throw new ConfigException("Invalid config.json: " + e.getMessage(), e);
    }
    if (!parsed.isJsonObject()) {
      throw new ConfigException("Invalid config.json: expected a JSON object");
    }
    JsonObject config = parsed.getAsJsonObject();
    if (!options.compile()) {
      config.add("compile_config", JsonNull.INSTANCE);
    }
    SafeMode.check(config, options.safeMode());
    try {
      return Serialization.withCustomObjects(options.customObjects(), () -> {
        try (SharingScope sharing = SharingScope.open()) {
          Layer model = Serialization.deserialize(config, Layer.class);
          compileFromConfig(model, config);
          return model;
        }
      });
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      // A config of the wrong structure or with impossible values (a string where an object belongs,
      // negative units, a shape ND4J cannot allocate) reaches code that trusts Keras's structure:
      // report it as the invalid config it is, keeping the cause.
      throw new ConfigException("Invalid config.json: " + Untrusted.quote(e.getClass().getSimpleName() + ": "
          + e.getMessage()), e);
    }
  }

  /**
   * Keras's {@code compile_from_config} for the loaded model when deserialization did not already
   * compile it: compiles from a non-empty {@code compile_config} and, for a built model, builds the
   * optimizer on the trainable weights so that its saved state can be loaded.
   */
  private static void compileFromConfig(Layer layer, JsonObject config) {
    if (!(layer instanceof Model m)) {
      return;
    }
    JsonElement cc = config.get("compile_config");
    if (!m.isCompiled() && cc != null && cc.isJsonObject() && cc.getAsJsonObject().size() > 0) {
      m.compileFromConfig(Config.of(cc.getAsJsonObject()));
    }
    if (m.isCompiled() && m.isBuilt() && !m.optimizer().isBuilt()) {
      m.optimizer().build(m.trainableWeights());
    }
  }

  /** The weights of an open archive (only HDF5 is supported: Keras's npz weights are refused by name). */
  static H5WeightsReader weightsOf(KerasArchive archive) {
    if (archive.has(KerasArchive.WEIGHTS_H5)) {
      String source = archive.path() + "!" + KerasArchive.WEIGHTS_H5;
      if (Files.isDirectory(archive.path())) {
        return new H5WeightsReader(H5Reader.open(archive.path().resolve(KerasArchive.WEIGHTS_H5)));
      }
      return new H5WeightsReader(H5Reader.fromBytes(archive.read(KerasArchive.WEIGHTS_H5), source));
    }
    if (archive.has(KerasArchive.WEIGHTS_NPZ)) {
      throw new ConfigException("'" + archive.path() + "' stores its weights as " + KerasArchive.WEIGHTS_NPZ
          + ", which Jeras does not read; save it with weights_format='h5'");
    }
    throw new ConfigException("Expected a " + KerasArchive.WEIGHTS_H5 + " or " + KerasArchive.WEIGHTS_NPZ
        + " file in '" + archive.path() + "'.");
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (var s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("Could not remove temporary directory {}", root, e);
    }
  }
}
