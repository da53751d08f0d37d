package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.losses.LossOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Keras's {@code RootMeanSquaredError}: {@code sqrt} of the running mean of per-sample mean squared errors. */
public final class RootMeanSquaredError extends Mean {
  /**
   * Keras's {@code RootMeanSquaredError(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public RootMeanSquaredError(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code RootMeanSquaredError()}: every argument at its default. */
  public RootMeanSquaredError() {
    this("root_mean_squared_error", DType.FLOAT32);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    DataType dt = dtype().nd4j();
    Tensor[] a = LossOps.squeezeOrExpand(Tensor.of(yTrue.value().castTo(dt)), Tensor.of(yPred.value().castTo(dt)), true);
    INDArray error = a[1].value().sub(a[0].value());
    update(Tensor.of(error.muli(error)), sampleWeight);
  }

  @Override
  public INDArray resultArray() {
    return Transforms.sqrt(super.resultArray(), true);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code RootMeanSquaredError.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static RootMeanSquaredError fromConfig(Config config) {
    return new RootMeanSquaredError(nameOf(config, "root_mean_squared_error"), dtypeOf(config));
  }
}
