package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.losses.LossOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/** Keras's {@code Accuracy}: the fraction of entries where {@code y_true == y_pred} exactly. */
public final class Accuracy extends MeanMetricWrapper {
  /**
   * Keras's {@code Accuracy(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public Accuracy(String name, DType dtype) {
    super(name, dtype);
  }

  /** Keras's {@code Accuracy()}: every argument at its default. */
  public Accuracy() {
    this("accuracy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    Tensor[] a = LossOps.squeezeOrExpand(Tensor.of(yTrue.value().castTo(yPred.value().dataType())), yPred, true);
    return Tensor.of(a[0].value().eq(a[1].value()).castTo(DataType.FLOAT));
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code Accuracy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static Accuracy fromConfig(Config config) {
    return new Accuracy(nameOf(config, "accuracy"), dtypeOf(config));
  }
}
