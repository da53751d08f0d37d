package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.losses.LossOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's {@code BinaryAccuracy}: the fraction of entries where {@code (y_pred > threshold) == y_true}. */
public final class BinaryAccuracy extends MeanMetricWrapper {
  private final double threshold;

  /**
   * Keras's {@code BinaryAccuracy(name, dtype, threshold)}.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   * @param threshold predictions above it count as 1
   */
  public BinaryAccuracy(String name, DType dtype, double threshold) {
    super(name, dtype);
    this.threshold = threshold;
  }

  /** Keras's {@code BinaryAccuracy()}: every argument at its default. */
  public BinaryAccuracy() {
    this("binary_accuracy", DType.FLOAT32, 0.5);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    Tensor[] a = LossOps.squeezeOrExpand(yTrue, yPred, true);
    INDArray t = a[0].value();
    INDArray predicted = a[1].value().gt(threshold).castTo(t.dataType());
    return Tensor.of(t.eq(predicted).castTo(DataType.FLOAT));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("threshold", threshold);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code BinaryAccuracy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static BinaryAccuracy fromConfig(Config config) {
    return new BinaryAccuracy(nameOf(config, "binary_accuracy"), dtypeOf(config), config.getDouble("threshold", 0.5));
  }
}
