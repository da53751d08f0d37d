package org.jeras.core.callbacks;

import java.util.Map;
import org.jeras.core.model.Model;

/** Hooks into {@code fit}/{@code evaluate}, as Keras's {@code Callback}; every method is optional. */
public interface Callback {
  default void setModel(Model model) {}

  default void onTrainBegin(Map<String, Double> logs) {}

  default void onTrainEnd(Map<String, Double> logs) {}

  default void onEpochBegin(int epoch, Map<String, Double> logs) {}

  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  default void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  default void onTestBegin(Map<String, Double> logs) {}

  default void onTestEnd(Map<String, Double> logs) {}
}
