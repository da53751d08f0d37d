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

  public static FitOptions defaults() {
    return new FitOptions();
  }

  /** Rows per step; at least 1. */
  public FitOptions batchSize(int v) {
    batchSize = Dataset.checkBatchSize(v);
    return this;
  }

  public FitOptions epochs(int v) {
    epochs = v;
    return this;
  }

  /**
   * The epoch to start at; with shuffling, the skipped epochs' orders are still drawn, so that
   * epochs {@code v..} see the same batches as in a run started at 0 with the same seed.
   */
  public FitOptions initialEpoch(int v) {
    initialEpoch = v;
    return this;
  }

  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  public FitOptions verbose(int v) {
    verbose = v;
    return this;
  }

  public FitOptions shuffle(boolean v) {
    shuffle = v;
    return this;
  }

  /** Seed of the per-epoch shuffling. */
  public FitOptions seed(long v) {
    seed = v;
    return this;
  }

  public FitOptions validationSplit(double v) {
    validationSplit = v;
    return this;
  }

  public FitOptions validationData(INDArray x, INDArray y) {
    validationData = new Dataset(List.of(x), List.of(y), null);
    return this;
  }

  public FitOptions validationData(Dataset d) {
    validationData = d;
    return this;
  }

  public FitOptions sampleWeight(INDArray v) {
    sampleWeight = v;
    return this;
  }

  public FitOptions classWeight(Map<Integer, Double> v) {
    classWeight = v;
    return this;
  }

  /** The per-sample weights given with {@link #sampleWeight}, or null. */
  public INDArray sampleWeightArray() {
    return sampleWeight;
  }

  public FitOptions callbacks(Callback... cs) {
    callbacks.addAll(List.of(cs));
    return this;
  }
}
