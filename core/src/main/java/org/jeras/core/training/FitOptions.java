package org.jeras.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.callbacks.Callback;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arguments of {@code fit} with Keras's defaults (batch size 32, one epoch, shuffled, verbose
 * progress bar). Set only what differs: {@code FitOptions.defaults().epochs(5).batchSize(64)}.
 */
public final class FitOptions {
  int batchSize = Dataset.DEFAULT_BATCH_SIZE;
  int epochs = 1;
  int initialEpoch = 0;
  int verbose = 1;
  boolean shuffle = true;
  long seed = 1337;
  double validationSplit = 0;
  Dataset validationData;
  INDArray sampleWeight;
  Map<Integer, Double> classWeight;
  final List<Callback> callbacks = new ArrayList<>();

  private FitOptions() {}

  /** {@return Keras's {@code fit} defaults: batch size 32, one epoch, verbose 1, shuffling, no validation} */
  public static FitOptions defaults() {
    return new FitOptions();
  }

  /**
   * Rows per step; at least 1.
   *
   * @param v rows per step; at least 1
   * @return this
   */
  public FitOptions batchSize(int v) {
    batchSize = Dataset.checkBatchSize(v);
    return this;
  }

  /**
   * Sets the number of epochs to run (Keras's {@code epochs}).
   *
   * @param v the number of epochs
   * @return this
   */
  public FitOptions epochs(int v) {
    epochs = v;
    return this;
  }

  /**
   * The epoch to start at; with shuffling, the skipped epochs' orders are still drawn, so that
   * epochs {@code v..} see the same batches as in a run started at 0 with the same seed.
   *
   * @param v the epoch to start at; with shuffling, the skipped epochs' orders are still drawn, so that
   * @return this
   */
  public FitOptions initialEpoch(int v) {
    initialEpoch = v;
    return this;
  }

  /**
   * 0 silent, 1 progress bar (Keras's "auto"), 2 one line per epoch; 0 adds no {@code ProgbarLogger}.
   *
   * @param v the verbosity
   * @return this
   */
  public FitOptions verbose(int v) {
    verbose = v;
    return this;
  }

  /**
   * Shuffles the rows before each epoch (default true).
   *
   * @param v whether to shuffle
   * @return this
   */
  public FitOptions shuffle(boolean v) {
    shuffle = v;
    return this;
  }

  /**
   * Seed of the per-epoch shuffling.
   *
   * @param v seed of the per-epoch shuffling
   * @return this
   */
  public FitOptions seed(long v) {
    seed = v;
    return this;
  }

  /**
   * Holds out the last fraction of rows for validation (Keras's {@code validation_split}).
   *
   * @param v the fraction, in [0, 1)
   * @return this
   */
  public FitOptions validationSplit(double v) {
    validationSplit = v;
    return this;
  }

  /**
   * Validates on the given data after each epoch (Keras's {@code validation_data}).
   *
   * @param x the inputs
   * @param y the targets
   * @return this
   */
  public FitOptions validationData(INDArray x, INDArray y) {
    validationData = new Dataset(List.of(x), List.of(y), null);
    return this;
  }

  /**
   * Validates on the given data after each epoch (Keras's {@code validation_data}).
   *
   * @param d the validation data
   * @return this
   */
  public FitOptions validationData(Dataset d) {
    validationData = d;
    return this;
  }

  /**
   * Per-sample weights of the training data (Keras's {@code sample_weight}).
   *
   * @param v one weight per row
   * @return this
   */
  public FitOptions sampleWeight(INDArray v) {
    sampleWeight = v;
    return this;
  }

  /**
   * Per-class weights of the training loss (Keras's {@code class_weight}).
   *
   * @param v the weight of each class index
   * @return this
   */
  public FitOptions classWeight(Map<Integer, Double> v) {
    classWeight = v;
    return this;
  }

  /** {@return the per-sample weights given with {@link #sampleWeight}, or null} */
  public INDArray sampleWeightArray() {
    return sampleWeight;
  }

  /**
   * The callbacks to run besides the history (Keras's {@code callbacks}).
   *
   * @param cs the callbacks
   * @return this
   */
  public FitOptions callbacks(Callback... cs) {
    callbacks.addAll(List.of(cs));
    return this;
  }
}
