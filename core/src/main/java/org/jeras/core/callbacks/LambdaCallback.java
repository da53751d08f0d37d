package org.jeras.core.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A callback from lambdas (Keras's {@code LambdaCallback}); any may be null. */
public final class LambdaCallback implements Callback {
  private final BiConsumer<Integer, Map<String, Double>> onEpochBegin;
  private final BiConsumer<Integer, Map<String, Double>> onEpochEnd;
  private final BiConsumer<Integer, Map<String, Double>> onBatchEnd;
  private final Consumer<Map<String, Double>> onTrainEnd;

  public LambdaCallback(BiConsumer<Integer, Map<String, Double>> onEpochBegin,
      BiConsumer<Integer, Map<String, Double>> onEpochEnd,
      BiConsumer<Integer, Map<String, Double>> onBatchEnd,
      Consumer<Map<String, Double>> onTrainEnd) {
    this.onEpochBegin = onEpochBegin;
    this.onEpochEnd = onEpochEnd;
    this.onBatchEnd = onBatchEnd;
    this.onTrainEnd = onTrainEnd;
  }

  /** Runs {@code onEpochEnd} after each epoch. */
  public static LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> onEpochEnd) {
    return new LambdaCallback(null, onEpochEnd, null, null);
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (onEpochBegin != null) {
      onEpochBegin.accept(epoch, logs);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (onEpochEnd != null) {
      onEpochEnd.accept(epoch, logs);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (onBatchEnd != null) {
      onBatchEnd.accept(batch, logs);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (onTrainEnd != null) {
      onTrainEnd.accept(logs);
    }
  }
}
