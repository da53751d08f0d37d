package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code CategoricalAccuracy}: whether {@code argmax(y_true) == argmax(y_pred)} along the last axis. */
public final class CategoricalAccuracy extends MeanMetricWrapper {
  /**
   * Keras's {@code CategoricalAccuracy(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public CategoricalAccuracy(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code CategoricalAccuracy()}: every argument at its default. */
  public CategoricalAccuracy() {
    this("categorical_accuracy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    INDArray t = Nd4j.argMax(yTrue.value(), yTrue.rank() - 1);
    INDArray p = Nd4j.argMax(yPred.value(), yPred.rank() - 1);
    return Tensor.of(t.eq(p).castTo(DataType.FLOAT));
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code CategoricalAccuracy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static CategoricalAccuracy fromConfig(Config config) {
    return new CategoricalAccuracy(nameOf(config, "categorical_accuracy"), dtypeOf(config));
  }
}
