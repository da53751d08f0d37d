package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code TopKCategoricalAccuracy}: whether the score of the true class ({@code argmax(y_true)})
 * is at least the k-th largest score (ties count as a hit, as in Keras's {@code in_top_k}).
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
  private final int k;

  /**
   * Keras's {@code TopKCategoricalAccuracy(k, name, dtype)}.
   *
   * @param k how many top predictions may hold the target
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public TopKCategoricalAccuracy(int k, String name, DType dtype) {
    super(name, dtype);
    this.k = k;
  }

  /** Keras's {@code TopKCategoricalAccuracy()}: every argument at its default. */
  public TopKCategoricalAccuracy() {
    this(5, "top_k_categorical_accuracy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    INDArray target = Nd4j.argMax(yTrue.value(), yTrue.rank() - 1);
    long classes = yPred.shape().get(-1);
    INDArray scores = yPred.value().reshape(-1, classes).castTo(DataType.DOUBLE);
    long[] labels = target.reshape(-1).toLongVector();
    float[] hits = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double targetScore = scores.getDouble(i, labels[i]);
      int greater = 0;
      for (long c = 0; c < classes; c++) {
        if (scores.getDouble(i, c) > targetScore) {
          greater++;
        }
      }
      hits[i] = greater < k ? 1f : 0f;
    }
    return Tensor.of(Nd4j.create(hits, target.shape(), 'c'));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("k", k);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code TopKCategoricalAccuracy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static TopKCategoricalAccuracy fromConfig(Config config) {
    return new TopKCategoricalAccuracy(config.getInt("k", 5), nameOf(config, "top_k_categorical_accuracy"), dtypeOf(config));
  }
}
