package org.jeras.core.callbacks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jeras.core.model.Model;

/**
 * The callbacks of one {@code fit}, {@code evaluate} or {@code predict} run (Keras's
 * {@code CallbackList}): the user's, then a {@link History} and a {@link ProgbarLogger} when asked
 * for and not already given. Each hook gets its logs as a fresh map sorted by key (Keras's
 * {@code pythonify_logs}), shared by the callbacks of that hook.
 */
public final class CallbackList {
  private final List<Callback> callbacks;
  private final History history;

  /**
   * Sets up the run's callbacks: tells each the {@code model} and {@code params}; {@code out} is
   * where an added {@link ProgbarLogger} prints.
   *
   * @param given the user's callbacks, in order
   * @param addHistory whether to add a {@link History}
   * @param addProgbar whether to add a {@link ProgbarLogger}
   * @param out where an added progress bar prints
   * @param model the model
   * @param params the run's settings
   */
  public CallbackList(List<Callback> given, boolean addHistory, boolean addProgbar, PrintStream out,
      Model model, CallbackParams params) {
    callbacks = new ArrayList<>(given);
    History foundHistory = null;
    boolean hasProgbar = false;
    for (Callback c : given) {
      if (c instanceof History h) {
        foundHistory = h;
      } else if (c instanceof ProgbarLogger) {
        hasProgbar = true;
      }
    }
    if (foundHistory == null && addHistory) {
      foundHistory = new History();
      callbacks.add(foundHistory);
    }
    history = foundHistory;
    if (!hasProgbar && addProgbar) {
      callbacks.add(new ProgbarLogger(out));
    }
    for (Callback c : callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
  }

  /** {@return the run's {@link History}, or null when none was asked for} */
  public History history() {
    return history;
  }

  private static Map<String, Double> sorted(Map<String, Double> logs) {
    return logs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(new TreeMap<>(logs));
  }

  /** Runs every callback's {@code onTrainBegin}. */
  public void onTrainBegin() {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onTrainBegin(l));
  }

  /**
   * Runs every callback's {@code onTrainEnd}.
   *
   * @param logs the last epoch's logs
   */
  public void onTrainEnd(Map<String, Double> logs) {
    Map<String, Double> l = sorted(logs);
    callbacks.forEach(c -> c.onTrainEnd(l));
  }

  /**
   * Runs every callback's {@code onEpochBegin}.
   *
   * @param epoch the 0-based epoch index
   */
  public void onEpochBegin(int epoch) {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onEpochBegin(epoch, l));
  }

  /**
   * Runs every callback's {@code onEpochEnd}.
   *
   * @param epoch the 0-based epoch index
   * @param logs the epoch's logs
   */
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Map<String, Double> l = sorted(logs);
    callbacks.forEach(c -> c.onEpochEnd(epoch, l));
  }

  /**
   * Runs every callback's {@code onTrainBatchBegin}.
   *
   * @param batch the 0-based batch index
   */
  public void onTrainBatchBegin(int batch) {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onTrainBatchBegin(batch, l));
  }

  /**
   * Runs every callback's {@code onTrainBatchEnd}.
   *
   * @param batch the 0-based batch index
   * @param logs the running logs
   */
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    Map<String, Double> l = sorted(logs);
    callbacks.forEach(c -> c.onTrainBatchEnd(batch, l));
  }

  /** Runs every callback's {@code onTestBegin}. */
  public void onTestBegin() {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onTestBegin(l));
  }

  /**
   * Runs every callback's {@code onTestEnd}.
   *
   * @param logs the evaluation results
   */
  public void onTestEnd(Map<String, Double> logs) {
    Map<String, Double> l = sorted(logs);
    callbacks.forEach(c -> c.onTestEnd(l));
  }

  /**
   * Runs every callback's {@code onTestBatchBegin}.
   *
   * @param batch the 0-based batch index
   */
  public void onTestBatchBegin(int batch) {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onTestBatchBegin(batch, l));
  }

  /**
   * Runs every callback's {@code onTestBatchEnd}.
   *
   * @param batch the 0-based batch index
   * @param logs the running logs
   */
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    Map<String, Double> l = sorted(logs);
    callbacks.forEach(c -> c.onTestBatchEnd(batch, l));
  }

  /** Runs every callback's {@code onPredictBegin}. */
  public void onPredictBegin() {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onPredictBegin(l));
  }

  /** Runs every callback's {@code onPredictEnd}. */
  public void onPredictEnd() {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onPredictEnd(l));
  }

  /**
   * Runs every callback's {@code onPredictBatchBegin}.
   *
   * @param batch the 0-based batch index
   */
  public void onPredictBatchBegin(int batch) {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onPredictBatchBegin(batch, l));
  }

  /**
   * Runs every callback's {@code onPredictBatchEnd}.
   *
   * @param batch the 0-based batch index
   */
  public void onPredictBatchEnd(int batch) {
    Map<String, Double> l = sorted(null);
    callbacks.forEach(c -> c.onPredictBatchEnd(batch, l));
  }
}
