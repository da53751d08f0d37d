package org.jeras.core.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A callback from lambdas (Keras's {@code LambdaCallback}), one per hook, every one optional:
 * <pre>{@code
 * LambdaCallback.builder()
 *     .onEpochEnd((epoch, logs) -> post("/publish/epoch/end", epoch, logs))
 *     .onTrainEnd(logs -> close())
 *     .build();
 * }</pre>
 */
public final class LambdaCallback implements Callback {
  private final Builder hooks;

  /**
   * The four hooks of Keras's positional arguments; any may be null.
   *
   * @param onEpochBegin called with the epoch index and logs at each epoch start
   * @param onEpochEnd called with the epoch index and logs at each epoch end
   * @param onBatchEnd called with the batch index and logs after each training batch
   * @param onTrainEnd called with the last logs when training ends
   */
  public LambdaCallback(BiConsumer<Integer, Map<String, Double>> onEpochBegin,
      BiConsumer<Integer, Map<String, Double>> onEpochEnd,
      BiConsumer<Integer, Map<String, Double>> onBatchEnd,
      Consumer<Map<String, Double>> onTrainEnd) {
    this(builder().onEpochBegin(onEpochBegin).onEpochEnd(onEpochEnd).onTrainBatchEnd(onBatchEnd)
        .onTrainEnd(onTrainEnd));
  }

  private LambdaCallback(Builder hooks) {
    this.hooks = hooks.copy();
  }

  /**
   * Runs {@code onEpochEnd} after each epoch.
   *
   * @param onEpochEnd called with the epoch index and logs
   * @return the callback
   */
  public static LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> onEpochEnd) {
    return builder().onEpochEnd(onEpochEnd).build();
  }

  /** {@return a builder with no hooks set} */
  public static Builder builder() {
    return new Builder();
  }

  private static void run(Consumer<Map<String, Double>> hook, Map<String, Double> logs) {
    if (hook != null) {
      hook.accept(logs);
    }
  }

  private static void run(BiConsumer<Integer, Map<String, Double>> hook, int index, Map<String, Double> logs) {
    if (hook != null) {
      hook.accept(index, logs);
    }
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    run(hooks.trainBegin, logs);
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    run(hooks.trainEnd, logs);
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    run(hooks.epochBegin, epoch, logs);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    run(hooks.epochEnd, epoch, logs);
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    run(hooks.trainBatchBegin, batch, logs);
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    run(hooks.trainBatchEnd, batch, logs);
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    run(hooks.testBegin, logs);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    run(hooks.testEnd, logs);
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    run(hooks.testBatchBegin, batch, logs);
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    run(hooks.testBatchEnd, batch, logs);
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    run(hooks.predictBegin, logs);
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    run(hooks.predictEnd, logs);
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    run(hooks.predictBatchBegin, batch, logs);
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    run(hooks.predictBatchEnd, batch, logs);
  }

  /** Sets the hooks of a {@link LambdaCallback}, named as Keras's keyword arguments; null unsets one. */
  public static final class Builder {
    private Consumer<Map<String, Double>> trainBegin;
    private Consumer<Map<String, Double>> trainEnd;
    private BiConsumer<Integer, Map<String, Double>> epochBegin;
    private BiConsumer<Integer, Map<String, Double>> epochEnd;
    private BiConsumer<Integer, Map<String, Double>> trainBatchBegin;
    private BiConsumer<Integer, Map<String, Double>> trainBatchEnd;
    private Consumer<Map<String, Double>> testBegin;
    private Consumer<Map<String, Double>> testEnd;
    private BiConsumer<Integer, Map<String, Double>> testBatchBegin;
    private BiConsumer<Integer, Map<String, Double>> testBatchEnd;
    private Consumer<Map<String, Double>> predictBegin;
    private Consumer<Map<String, Double>> predictEnd;
    private BiConsumer<Integer, Map<String, Double>> predictBatchBegin;
    private BiConsumer<Integer, Map<String, Double>> predictBatchEnd;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.trainBegin = trainBegin;
      b.trainEnd = trainEnd;
      b.epochBegin = epochBegin;
      b.epochEnd = epochEnd;
      b.trainBatchBegin = trainBatchBegin;
      b.trainBatchEnd = trainBatchEnd;
      b.testBegin = testBegin;
      b.testEnd = testEnd;
      b.testBatchBegin = testBatchBegin;
      b.testBatchEnd = testBatchEnd;
      b.predictBegin = predictBegin;
      b.predictEnd = predictEnd;
      b.predictBatchBegin = predictBatchBegin;
      b.predictBatchEnd = predictBatchEnd;
      return b;
    }

    /**
     * At the start of {@code fit}.
     *
     * @param f the hook
     * @return this builder
     */
    public Builder onTrainBegin(Consumer<Map<String, Double>> f) {
      trainBegin = f;
      return this;
    }

    /**
     * At the end of {@code fit}, with the last epoch's logs.
     *
     * @param f the hook
     * @return this builder
     */
    public Builder onTrainEnd(Consumer<Map<String, Double>> f) {
      trainEnd = f;
      return this;
    }

    /**
     * Before each epoch (0-based).
     *
     * @param f the hook, given the epoch index and logs
     * @return this builder
     */
    public Builder onEpochBegin(BiConsumer<Integer, Map<String, Double>> f) {
      epochBegin = f;
      return this;
    }

    /**
     * After each epoch, with its logs including {@code val_} ones.
     *
     * @param f the hook, given the epoch index and logs
     * @return this builder
     */
    public Builder onEpochEnd(BiConsumer<Integer, Map<String, Double>> f) {
      epochEnd = f;
      return this;
    }

    /**
     * Before each training batch (0-based within the epoch).
     *
     * @param f the hook, given the batch index and logs
     * @return this builder
     */
    public Builder onTrainBatchBegin(BiConsumer<Integer, Map<String, Double>> f) {
      trainBatchBegin = f;
      return this;
    }

    /**
     * After each training batch, with the epoch's running logs.
     *
     * @param f the hook, given the batch index and logs
     * @return this builder
     */
    public Builder onTrainBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
      trainBatchEnd = f;
      return this;
    }

    /**
     * At the start of {@code evaluate} and of each validation in {@code fit}.
     *
     * @param f the hook
     * @return this builder
     */
    public Builder onTestBegin(Consumer<Map<String, Double>> f) {
      testBegin = f;
      return this;
    }

    /**
     * At the end of {@code evaluate} and of each validation, with its logs.
     *
     * @param f the hook
     * @return this builder
     */
    public Builder onTestEnd(Consumer<Map<String, Double>> f) {
      testEnd = f;
      return this;
    }

    /**
     * Before each evaluation batch.
     *
     * @param f the hook, given the batch index and logs
     * @return this builder
     */
    public Builder onTestBatchBegin(BiConsumer<Integer, Map<String, Double>> f) {
      testBatchBegin = f;
      return this;
    }

    /**
     * After each evaluation batch, with the running logs.
     *
     * @param f the hook, given the batch index and logs
     * @return this builder
     */
    public Builder onTestBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
      testBatchEnd = f;
      return this;
    }

    /**
     * At the start of {@code predict}.
     *
     * @param f the hook
     * @return this builder
     */
    public Builder onPredictBegin(Consumer<Map<String, Double>> f) {
      predictBegin = f;
      return this;
    }

    /**
     * At the end of {@code predict}.
     *
     * @param f the hook
     * @return this builder
     */
    public Builder onPredictEnd(Consumer<Map<String, Double>> f) {
      predictEnd = f;
      return this;
    }

    /**
     * Before each prediction batch.
     *
     * @param f the hook, given the batch index and logs
     * @return this builder
     */
    public Builder onPredictBatchBegin(BiConsumer<Integer, Map<String, Double>> f) {
      predictBatchBegin = f;
      return this;
    }

    /**
     * After each prediction batch (empty logs).
     *
     * @param f the hook, given the batch index and logs
     * @return this builder
     */
    public Builder onPredictBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
      predictBatchEnd = f;
      return this;
    }

    /** {@return a callback running the hooks set so far; later changes to this builder do not affect it} */
    public LambdaCallback build() {
      return new LambdaCallback(this);
    }
  }
}
