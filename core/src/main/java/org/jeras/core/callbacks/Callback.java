package org.jeras.core.callbacks;

import java.util.Map;
import org.jeras.core.model.Model;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, as Keras's {@code Callback}; every
 * method is optional. Logs arrive sorted by key, as Keras passes them; one map is shared by all
 * callbacks of a hook, so a value one adds (e.g. {@code learning_rate}) is seen by the later ones.
 */
public interface Callback {
  /** The model being trained, evaluated or run. */
  default void setModel(Model model) {}

  /** The run's settings (Keras's {@code set_params}: verbose, epochs, steps); called before any hook. */
  default void setParams(CallbackParams params) {}

  default void onTrainBegin(Map<String, Double> logs) {}

  /** After the last epoch, with the last epoch's logs. */
  default void onTrainEnd(Map<String, Double> logs) {}

  default void onEpochBegin(int epoch, Map<String, Double> logs) {}

  /** After an epoch, with its training logs and the {@code val_} logs of its validation. */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  default void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  /** After a training batch, with the running logs of the epoch so far. */
  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /** At the start of {@code evaluate}, and of each validation inside {@code fit}. */
  default void onTestBegin(Map<String, Double> logs) {}

  /** At the end of {@code evaluate} or of a validation, with its logs (without {@code val_}). */
  default void onTestEnd(Map<String, Double> logs) {}

  default void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  /** After an evaluation batch, with the running logs so far. */
  default void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  default void onPredictBegin(Map<String, Double> logs) {}

  default void onPredictEnd(Map<String, Double> logs) {}

  default void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  /** After a prediction batch; the logs are empty (the predictions are {@code predict}'s result). */
  default void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
