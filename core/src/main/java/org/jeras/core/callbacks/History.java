package org.jeras.core.callbacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.plot.HistoryChart;

/** The per-epoch logs of a {@code fit} run (Keras's {@code History}); returned by {@code fit}. */
public final class History implements Callback {
  private final Map<String, List<Double>> history = new LinkedHashMap<>();
  private final List<Integer> epochs = new ArrayList<>();

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    epochs.add(epoch);
    logs.forEach((k, v) -> history.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
  }

  /**
   * Metric name to its value after each epoch.
   *
   * @return the logged values by name
   */
  public Map<String, List<Double>> history() {
    return Collections.unmodifiableMap(history);
  }

  /**
   * The values of {@code key} per epoch; throws if it was never logged.
   *
   * @param key a logged name, e.g. {@code "val_loss"}
   * @return the values, one per epoch
   */
  public List<Double> get(String key) {
    List<Double> v = history.get(key);
    if (v == null) {
      throw new IllegalArgumentException("No '" + key + "' in history; logged: " + history.keySet());
    }
    return v;
  }

  /** {@return the 0-based index of each logged epoch, in order} */
  public List<Integer> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /**
   * Writes the training curves as a PNG, as Keras users draw them with matplotlib: one panel per
   * metric (loss first), x the epoch (1-based), lines "train" and "validation" ({@code val_} keys),
   * titled with the metric; {@link HistoryChart#PANEL_WIDTH} x {@link HistoryChart#PANEL_HEIGHT}
   * pixels per panel, at most {@link HistoryChart#MAX_COLUMNS} panels a row. Works headless.
   *
   * @param png the PNG file to write
   */
  public void plot(Path png) {
    HistoryChart.write(epochs, history, png);
  }

  /**
   * {@link #plot(Path)} into an image of {@code width} x {@code height} pixels.
   *
   * @param png the PNG file to write
   * @param width the image width in pixels
   * @param height the image height in pixels
   */
  public void plot(Path png, int width, int height) {
    HistoryChart.write(epochs, history, png, width, height);
  }
}
