package org.jeras.saving.h5;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.VariableStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The write side of Keras's {@code H5IOStore}: every saveable gets a {@code <path>/vars} group
 * (the root's is {@code vars}), created at once with a {@code name} attribute when the saveable
 * has a name, otherwise only when a variable is first stored.
 */
public final class H5WeightsWriter {
  private final H5Writer writer = new H5Writer();

  /**
   * {@return the store for the saveable at {@code innerPath} ("" for the root); {@code name} may be null}
   *
   * @param innerPath the saveable's path in the state walk
   * @param name the {@code name} attribute to write, or null
   */
  public VariableStore make(String innerPath, String name) {
    Store s = new Store(innerPath);
    if (name != null) {
      s.create().putAttribute("name", name);
    }
    return s;
  }

  /**
   * {@return whether a group exists at {@code path} (Keras's {@code has_path})}
   *
   * @param path a slash-separated path
   */
  public boolean hasPath(String path) {
    return path.isEmpty() || writer.root().contains(path);
  }

  /**
   * Writes the HDF5 file to {@code out}.
   *
   * @param out the stream to write to
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    writer.writeTo(out);
  }

  private final class Store implements VariableStore {
    private final String innerPath;
    private final Map<String, INDArray> written = new LinkedHashMap<>();
    private H5Writer.Group vars;

    Store(String innerPath) {
      this.innerPath = innerPath;
    }

    H5Writer.Group create() {
      if (vars == null) {
        H5Writer.Group parent = innerPath.isEmpty() ? writer.root() : writer.root().createGroup(innerPath);
        vars = parent.createGroup("vars");
      }
      return vars;
    }

    @Override
    public void put(String key, INDArray value) {
      create().putDataset(key, value);
      written.put(key, value);
    }

    @Override
    public INDArray get(String key) {
      INDArray v = written.get(key);
      if (v == null) {
        throw new ConfigException("No variable '" + key + "' stored at " + path());
      }
      return v;
    }

    @Override
    public boolean contains(String key) {
      return written.containsKey(key);
    }

    @Override
    public List<String> keys() {
      List<String> k = new ArrayList<>(written.keySet());
      k.sort(H5Writer.NAME_ORDER);
      return k;
    }

    @Override
    public String path() {
      return innerPath.isEmpty() ? "vars" : innerPath + "/vars";
    }
  }
}
