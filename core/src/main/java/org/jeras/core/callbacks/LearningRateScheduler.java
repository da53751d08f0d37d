package org.jeras.core.callbacks;

import java.util.Map;
import java.util.function.BiFunction;
import org.jeras.core.model.Model;

/** Sets the learning rate at the start of each epoch from {@code schedule(epoch, lr)} (Keras's {@code LearningRateScheduler}). */
public final class LearningRateScheduler implements Callback {
  private final BiFunction<Integer, Double, Double> schedule;
  private Model model;

  /**
   * Keras's {@code LearningRateScheduler}: sets the learning rate at the start of each epoch.
   *
   * @param schedule maps the epoch index and the current learning rate to the new one
   */
  public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule) {
    this.schedule = schedule;
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    double lr = model.optimizer().learningRate();
    model.optimizer().setLearningRate(schedule.apply(epoch, lr));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", model.optimizer().learningRate());
  }
}
