package org.jeras.saving.legacy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.config.Untrusted;
import org.jeras.core.io.LoadLimits;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.tensor.Variable;
import org.jeras.saving.KerasFile;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.h5.H5Reader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads whole models from Keras 2 / legacy HDF5 files ({@code model.save("m.h5")}): the model from the
 * root attribute {@code model_config}, its weights from {@code model_weights} by layer order, and, when
 * compiling, the optimizer, loss and metrics from {@code training_config} with the optimizer's state
 * from {@code optimizer_weights}, as Keras's {@code load_model_from_hdf5} does.
 */
public final class LegacyH5 {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyH5.class);

  /** The root attribute that marks an HDF5 file as a whole legacy model. */
  public static final String MODEL_CONFIG = "model_config";

  private LegacyH5() {}

  /**
   * {@return whether the open HDF5 file is a whole legacy model (its root has {@code model_config})}
   *
   * @param h5 the open file
   */
  public static boolean isModel(H5Reader h5) {
    return h5.attributeNames("").contains(MODEL_CONFIG);
  }

  /**
   * {@return whether the open HDF5 file holds legacy weights (a root {@code layer_names} attribute, or a
   * {@code model_weights} group with one)}
   *
   * @param h5 the open file
   */
  public static boolean hasLegacyWeights(H5Reader h5) {
    return h5.attributeNames("").contains("layer_names")
        || (h5.isGroup("model_weights") && h5.attributeNames("model_weights").contains("layer_names"));
  }

  /**
   * Loads the model of a legacy HDF5 file.
   *
   * @param path the file
   * @param options Keras's {@code load_model} arguments
   * @return the loaded model (compiled when the file has a training config and {@code options} ask for it)
   */
  public static Model load(Path path, LoadOptions options) {
    try (H5Reader h5 = H5Reader.open(path)) {
      return load(h5, options);
    }
  }

  /**
   * Loads the model of an open legacy HDF5 file.
   *
   * @param h5 the open file
   * @param options Keras's {@code load_model} arguments
   * @return the loaded model
   */
  public static Model load(H5Reader h5, LoadOptions options) {
    JsonObject config = LegacyConfig.model(jsonAttribute(h5, MODEL_CONFIG).orElseThrow(
        () -> new ConfigException("No model config found in the file at '" + h5.source() + "'")));
    // The weights the config declares are bounded by what the file could fill, as for a .keras archive.
    Layer layer = LoadLimits.withWeightsBudget(h5.size(),
        () -> KerasFile.fromConfig(config.toString(), options.withCompile(false)));
    if (!(layer instanceof Model model)) {
      throw new ConfigException("'" + h5.source() + "' holds a " + layer.className() + ", not a model");
    }
    if (!h5.isGroup("model_weights")) {
      throw new ConfigException("Missing group 'model_weights' in legacy model file '" + h5.source() + "'");
    }
    LegacyWeights.load(h5, "model_weights", model, false);
    if (!options.compile()) {
      return model;
    }
    Optional<JsonObject> training = jsonAttribute(h5, "training_config");
    if (training.isEmpty()) {
      LOG.warn("No training configuration found in the save file, so the model was *not* compiled. "
          + "Compile it manually.");
      return model;
    }
    JsonObject compileConfig = LegacyConfig.compile(training.get());
    try {
      Serialization.withCustomObjects(options.customObjects(), () -> {
        model.compileFromConfig(Config.of(compileConfig));
        return null;
      });
    } catch (ConfigException e) {
      throw new ConfigException("Cannot compile from the 'training_config' of '" + h5.source() + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ConfigException("Invalid 'training_config' in '" + h5.source() + "': "
          + Untrusted.quote(e.getClass().getSimpleName() + ": " + e.getMessage()), e);
    }
    if (h5.has("optimizer_weights")) {
      loadOptimizer(h5, model);
    }
    return model;
  }

  /**
   * Builds the optimizer on the model's trainable weights and sets its variables, in order, from
   * {@code optimizer_weights}; as Keras, state that does not fit leaves a fresh optimizer and a warning.
   */
  private static void loadOptimizer(H5Reader h5, Model model) {
    Optimizer opt = model.optimizer();
    if (!opt.isBuilt()) {
      opt.build(model.trainableWeights());
    }
    List<Variable> vars = opt.variables();
    List<String> names = LegacyWeights.strings(h5, "optimizer_weights", "weight_names");
    if (names.size() != vars.size()) {
      LOG.warn("Error in loading the saved optimizer state ({} variables saved, {} expected). As a result, your "
          + "model is starting with a freshly initialized optimizer.", names.size(), vars.size());
      return;
    }
    List<INDArray> values = LegacyWeights.values(h5, "optimizer_weights");
    for (int i = 0; i < vars.size(); i++) {
      if (!Arrays.equals(values.get(i).shape(), vars.get(i).array().shape())) {
        LOG.warn("Error in loading the saved optimizer state (optimizer variable {} has shape {}, the file {}). As a "
            + "result, your model is starting with a freshly initialized optimizer.", vars.get(i).path(),
            vars.get(i).shape(), Arrays.toString(values.get(i).shape()));
        return;
      }
    }
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(values.get(i).castTo(vars.get(i).array().dataType()));
    }
  }

  /** A root attribute holding a JSON object, parsed; a malformed one is a one-line error naming it. */
  private static Optional<JsonObject> jsonAttribute(H5Reader h5, String name) {
    Optional<String> text = h5.attribute("", name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(text.get());
    } catch (RuntimeException e) {
      throw new ConfigException("Invalid JSON in attribute '" + name + "' of '" + h5.source() + "': "
          + Untrusted.quote(String.valueOf(e.getMessage())), e);
    }
    if (!parsed.isJsonObject()) {
      throw new ConfigException("Invalid attribute '" + name + "' of '" + h5.source() + "': expected a JSON object");
    }
    return Optional.of(parsed.getAsJsonObject());
  }
}
