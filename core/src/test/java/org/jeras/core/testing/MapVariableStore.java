package org.jeras.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.VariableStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An in-memory {@link VariableStore} that copies what it is given, as saving to a file does. */
public final class MapVariableStore implements VariableStore {
  private final Map<String, INDArray> values = new LinkedHashMap<>();
  private final String path;

  /** @param path the group this store stands for, e.g. {@code "optimizer/vars"} (for messages) */
  public MapVariableStore(String path) {
    this.path = path;
  }

  @Override
  public void put(String key, INDArray value) {
    values.put(key, value.dup());
  }

  @Override
  public INDArray get(String key) {
    INDArray v = values.get(key);
    if (v == null) {
      throw new ConfigException("Missing " + path() + "/" + key);
    }
    return v;
  }

  @Override
  public boolean contains(String key) {
    return values.containsKey(key);
  }

  @Override
  public List<String> keys() {
    return new ArrayList<>(values.keySet());
  }

  @Override
  public String path() {
    return path;
  }
}
