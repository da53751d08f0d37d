package org.jeras.saving.legacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Variable;
import org.jeras.saving.h5.H5Reader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's topological (order-based) weight loading from a legacy HDF5 weights group: the group's
 * {@code layer_names} that have weights are matched in order to the model's layers that have weights,
 * and each layer's {@code weight_names} datasets, in order, to its trainable then non-trainable
 * weights (Keras 2's weight order); {@code top_level_model_weights} holds the model's own variables.
 */
public final class LegacyWeights {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyWeights.class);
  private static final String TOP_LEVEL = "top_level_model_weights";

  private LegacyWeights() {}

  /**
   * Loads every layer's weights from the legacy weights group {@code group} of {@code h5}.
   *
   * @param h5 the open file
   * @param group the group holding {@code layer_names} ({@code model_weights} of a model file, "" for a
   *     weights-only file)
   * @param model the built model to fill
   * @param skipMismatch leave weights whose shape differs as they are (with a warning) instead of failing
   */
  public static void load(H5Reader h5, String group, Model model, boolean skipMismatch) {
    List<Layer> layers = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (!legacyWeights(l).isEmpty()) {
        layers.add(l);
      }
    }
    List<String> saved = new ArrayList<>();
    for (String name : strings(h5, group, "layer_names")) {
      if (!strings(h5, member(group, name), "weight_names").isEmpty()) {
        saved.add(name);
      }
    }
    if (saved.size() != layers.size()) {
      throw new ConfigException("Layer count mismatch when loading weights from '" + h5.source() + "': the model has "
          + layers.size() + " layers with weights, the file " + saved.size());
    }
    for (int k = 0; k < saved.size(); k++) {
      Layer layer = layers.get(k);
      String memberPath = member(group, saved.get(k));
      assign(h5, memberPath, legacyWeights(layer), "layer #" + k + " ('" + layer.name() + "')", skipMismatch);
    }
    String top = member(group, TOP_LEVEL);
    if (h5.has(top)) {
      assign(h5, top, model.ownVariables(), "the top-level model", skipMismatch);
    }
  }

  /**
   * Reads the datasets a group's {@code weight_names} lists, in order.
   *
   * @param h5 the open file
   * @param group the group with a {@code weight_names} attribute
   * @return the values, in the listed order
   */
  public static List<INDArray> values(H5Reader h5, String group) {
    List<INDArray> out = new ArrayList<>();
    for (String name : strings(h5, group, "weight_names")) {
      out.add(h5.dataset(member(group, name)));
    }
    return out;
  }

  /** Keras's {@code _legacy_weights}: trainable weights, then the non-trainable ones. */
  static List<Variable> legacyWeights(Layer layer) {
    List<Variable> out = new ArrayList<>(layer.trainableWeights());
    out.addAll(layer.nonTrainableWeights());
    return out;
  }

  private static void assign(H5Reader h5, String group, List<Variable> targets, String what, boolean skipMismatch) {
    List<String> names = strings(h5, group, "weight_names");
    if (names.size() != targets.size()) {
      throw new ConfigException("Weight count mismatch for " + what + " at " + Untrusted.quote(group) + " in '"
          + h5.source() + "': expected " + targets.size() + " weights, found " + names.size());
    }
    for (int i = 0; i < names.size(); i++) {
      String path = member(group, names.get(i));
      Variable v = targets.get(i);
      long[] stored = h5.shape(path);
      if (!Arrays.equals(stored, v.array().shape())) {
        String msg = "Shape mismatch at " + Untrusted.quote(path) + " in '" + h5.source() + "' for weight "
            + Untrusted.quote(v.path()) + " of " + what + ": expected " + v.shape() + ", found " + Shape.of(stored);
        if (skipMismatch) {
          LOG.warn("Skipping loading: {}", msg);
          continue;
        }
        throw new ConfigException(msg);
      }
      v.assign(h5.dataset(path).castTo(v.array().dataType()));
    }
  }

  /** The list attribute {@code name} of {@code group}, or h5py's chunked form {@code name0, name1, ...}. */
  static List<String> strings(H5Reader h5, String group, String name) {
    if (!h5.has(group)) {
      throw new ConfigException("Missing group " + Untrusted.quote(group) + " in '" + h5.source() + "'");
    }
    Optional<List<String>> whole = h5.stringsAttribute(group, name);
    if (whole.isPresent()) {
      return whole.get();
    }
    List<String> out = new ArrayList<>();
    for (int chunk = 0; ; chunk++) {
      Optional<List<String>> part = h5.stringsAttribute(group, name + chunk);
      if (part.isEmpty()) {
        return out;
      }
      out.addAll(part.get());
    }
  }

  /** The path of member {@code name} of {@code group}; a name that would leave the group is refused. */
  static String member(String group, String name) {
    if (name.isEmpty() || name.startsWith("/") || Arrays.asList(name.split("/", -1)).contains("..")) {
      throw new ConfigException("Invalid member name " + Untrusted.quote(name) + " under " + Untrusted.quote(group));
    }
    return group.isEmpty() ? name : group + "/" + name;
  }
}
