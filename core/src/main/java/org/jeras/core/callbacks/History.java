package org.jeras.core.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-epoch logs of a {@code fit} run (Keras's {@code History}); returned by {@code fit}. */
public final class History implements Callback {
  private final Map<String, List<Double>> history = new LinkedHashMap<>();
  private final List<Integer> epochs = new ArrayList<>();

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    epochs.add(epoch);
    logs.forEach((k, v) -> history.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
  }

  /** Metric name to its value after each epoch. */
  public Map<String, List<Double>> history() {
    return Collections.unmodifiableMap(history);
  }

  /** The values of {@code key} per epoch; throws if it was never logged. */
  public List<Double> get(String key) {
    List<Double> v = history.get(key);
    if (v == null) {
      throw new IllegalArgumentException("No '" + key + "' in history; logged: " + history.keySet());
    }
    return v;
  }

  public List<Integer> epochs() {
    return Collections.unmodifiableList(epochs);
  }
}
