package org.jeras.core.metrics;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code SparseCategoricalAccuracy}: whether the integer label equals {@code argmax(y_pred)}. */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {
  /**
   * Keras's {@code SparseCategoricalAccuracy(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public SparseCategoricalAccuracy(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code SparseCategoricalAccuracy()}: every argument at its default. */
  public SparseCategoricalAccuracy() {
    this("sparse_categorical_accuracy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    INDArray t = yTrue.value();
    if (t.rank() == yPred.rank() && t.size(-1) == 1) {
      long[] s = t.shape();
      t = t.reshape(Arrays.copyOf(s, s.length - 1));
    }
    INDArray p = Nd4j.argMax(yPred.value(), yPred.rank() - 1).castTo(DataType.DOUBLE);
    INDArray matches = t.castTo(DataType.DOUBLE).eq(p).castTo(DataType.FLOAT);
    if (matches.rank() > 1 && matches.size(-1) == 1) {
      long[] s = matches.shape();
      matches = matches.reshape(Arrays.copyOf(s, s.length - 1));
    }
    return Tensor.of(matches);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code SparseCategoricalAccuracy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static SparseCategoricalAccuracy fromConfig(Config config) {
    return new SparseCategoricalAccuracy(nameOf(config, "sparse_categorical_accuracy"), dtypeOf(config));
  }
}
