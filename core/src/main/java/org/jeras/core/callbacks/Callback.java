package org.jeras.core.callbacks;

import java.util.Map;
import org.jeras.core.model.Model;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, as Keras's {@code Callback}; every
 * method is optional. Logs arrive sorted by key, as Keras passes them; one map is shared by all
 * callbacks of a hook, so a value one adds (e.g. {@code learning_rate}) is seen by the later ones.
 */
public interface Callback {
  /**
   * The model being trained, evaluated or run.
   *
   * @param model the model
   */
  default void setModel(Model model) {}

  /**
   * The run's settings (Keras's {@code set_params}: verbose, epochs, steps); called before any hook.
   *
   * @param params the run's settings
   */
  default void setParams(CallbackParams params) {}

  /**
   * Called once at the start of {@code fit} (Keras's {@code on_train_begin}).
   *
   * @param logs an empty map
   */
  default void onTrainBegin(Map<String, Double> logs) {}

  /**
   * After the last epoch, with the last epoch's logs.
   *
   * @param logs the last epoch's logs
   */
  default void onTrainEnd(Map<String, Double> logs) {}

  /**
   * Called at the start of each epoch (Keras's {@code on_epoch_begin}).
   *
   * @param epoch the 0-based epoch index
   * @param logs an empty map
   */
  default void onEpochBegin(int epoch, Map<String, Double> logs) {}

  /**
   * After an epoch, with its training logs and the {@code val_} logs of its validation.
   *
   * @param epoch the 0-based epoch index
   * @param logs the epoch's loss and metric results, validation ones included
   */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /**
   * Called before each training batch (Keras's {@code on_train_batch_begin}).
   *
   * @param batch the 0-based batch index within the epoch
   * @param logs the logs so far
   */
  default void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  /**
   * After a training batch, with the running logs of the epoch so far.
   *
   * @param batch the 0-based batch index within the epoch
   * @param logs the running loss and metric results of the epoch
   */
  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /**
   * At the start of {@code evaluate}, and of each validation inside {@code fit}.
   *
   * @param logs the logs so far
   */
  default void onTestBegin(Map<String, Double> logs) {}

  /**
   * At the end of {@code evaluate} or of a validation, with its logs (without {@code val_}).
   *
   * @param logs the evaluation results
   */
  default void onTestEnd(Map<String, Double> logs) {}

  /**
   * Before an evaluation batch (Keras's {@code on_test_batch_begin}).
   *
   * @param batch the 0-based batch index
   * @param logs the logs so far
   */
  default void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  /**
   * After an evaluation batch, with the running logs so far.
   *
   * @param batch the 0-based batch index
   * @param logs the running results so far
   */
  default void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  /**
   * At the start of {@code predict} (Keras's {@code on_predict_begin}).
   *
   * @param logs an empty map
   */
  default void onPredictBegin(Map<String, Double> logs) {}

  /**
   * At the end of {@code predict} (Keras's {@code on_predict_end}).
   *
   * @param logs an empty map
   */
  default void onPredictEnd(Map<String, Double> logs) {}

  /**
   * Before a prediction batch (Keras's {@code on_predict_batch_begin}).
   *
   * @param batch the 0-based batch index
   * @param logs an empty map
   */
  default void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  /**
   * After a prediction batch; the logs are empty (the predictions are {@code predict}'s result).
   *
   * @param batch the 0-based batch index
   * @param logs an empty map
   */
  default void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
