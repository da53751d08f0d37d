package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code SparseTopKCategoricalAccuracy}: whether the score of the integer label's class is
 * at least the k-th largest score (ties count as a hit, as Keras's {@code in_top_k}).
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  private final int k;

  /**
   * Keras's {@code SparseTopKCategoricalAccuracy(k, name, dtype)}.
   *
   * @param k how many top predictions may hold the target
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public SparseTopKCategoricalAccuracy(int k, String name, DType dtype) {
    super(name, dtype);
    this.k = k;
  }

  /** Keras's {@code SparseTopKCategoricalAccuracy()}: every argument at its default. */
  public SparseTopKCategoricalAccuracy() {
    this(5, "sparse_top_k_categorical_accuracy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    long classes = yPred.shape().get(-1);
    INDArray scores = yPred.value().reshape(-1, classes).castTo(DataType.DOUBLE);
    long[] labels = yTrue.value().castTo(DataType.LONG).reshape(-1).toLongVector();
    if (labels.length != scores.size(0)) {
      throw new IllegalArgumentException("SparseTopKCategoricalAccuracy: " + labels.length + " labels for "
          + scores.size(0) + " rows of predictions of shape " + yPred.shape());
    }
    float[] hits = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        continue; // Keras's in_top_k: an out-of-range label is never in the top k
      }
      double target = scores.getDouble(i, labels[i]);
      int greater = 0;
      for (long c = 0; c < classes; c++) {
        if (scores.getDouble(i, c) > target) {
          greater++;
        }
      }
      hits[i] = greater < k ? 1f : 0f;
    }
    return Tensor.of(Nd4j.create(hits, new long[] {labels.length}, 'c'));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("k", k);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code SparseTopKCategoricalAccuracy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static SparseTopKCategoricalAccuracy fromConfig(Config config) {
    return new SparseTopKCategoricalAccuracy(config.getInt("k", 5), nameOf(config, "sparse_top_k_categorical_accuracy"),
        dtypeOf(config));
  }
}
