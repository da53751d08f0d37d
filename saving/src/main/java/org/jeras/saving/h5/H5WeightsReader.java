package org.jeras.saving.h5;

import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The read side of Keras's {@code H5IOStore}: the {@code vars} group of each saveable path, empty
 * when the file has none (as Keras, which then lets {@code load_own_variables} report the count
 * mismatch).
 */
public final class H5WeightsReader implements AutoCloseable {
  private final H5Reader reader;

  /**
   * A Keras weights view over an open HDF5 file.
   *
   * @param reader the file
   */
  public H5WeightsReader(H5Reader reader) {
    this.reader = reader;
  }

  /** {@return the name of the file in error messages} */
  public String source() {
    return reader.source();
  }

  /**
   * {@return the variables saved for the saveable at {@code innerPath} ("" for the root)}
   *
   * @param innerPath the saveable's path in the state walk
   */
  public VariableStore get(String innerPath) {
    String vars = innerPath.isEmpty() ? "vars" : innerPath + "/vars";
    if (reader.isGroup(vars)) {
      return new Store(vars);
    }
    // Files written by Keras 2.13 name the layers container differently.
    if (!innerPath.isEmpty() && reader.has("_layer_checkpoint_dependencies")) {
      String legacy = innerPath.replace("layers", "_layer_checkpoint_dependencies") + "/vars";
      if (reader.isGroup(legacy)) {
        return new Store(legacy);
      }
    }
    return new Store(null, vars);
  }

  /**
   * {@return whether a group or dataset exists at {@code path}}
   *
   * @param path a slash-separated path
   */
  public boolean hasPath(String path) {
    return reader.has(path);
  }

  @Override
  public void close() {
    reader.close();
  }

  private final class Store implements VariableStore {
    private final String group;
    private final String path;

    Store(String group) {
      this(group, group);
    }

    Store(String group, String path) {
      this.group = group;
      this.path = path;
    }

    @Override
    public void put(String key, INDArray value) {
      throw new ConfigException("The store at " + path + " of '" + reader.source() + "' is open for reading");
    }

    @Override
    public INDArray get(String key) {
      if (group == null || !reader.has(group + "/" + key)) {
        throw new ConfigException("Missing variable '" + key + "' at " + path + " in '" + reader.source() + "'");
      }
      return reader.dataset(group + "/" + key);
    }

    @Override
    public void readInto(String key, Variable target, String role) {
      checkShape(key, target, role);
      if (reader.readInto(group + "/" + key, target.array())) {
        target.keepStoredDtype(target.dtype()); // stored in the variable's own dtype
      } else {
        target.assign(getChecked(key, target, role));
      }
    }

    @Override
    public long[] shape(String key) {
      if (group == null || !reader.has(group + "/" + key)) {
        throw new ConfigException("Missing variable '" + key + "' at " + path + " in '" + reader.source() + "'");
      }
      // The dtype is checked with the shape, so that no data is read for a dataset that cannot load.
      reader.dtype(group + "/" + key);
      return reader.shape(group + "/" + key);
    }

    @Override
    public boolean contains(String key) {
      return group != null && reader.has(group + "/" + key);
    }

    @Override
    public List<String> keys() {
      return group == null ? List.of() : reader.keys(group);
    }

    @Override
    public String path() {
      return path;
    }
  }
}
