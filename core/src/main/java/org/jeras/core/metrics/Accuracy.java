package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.losses.LossOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's {@code Accuracy}: the fraction of entries where {@code y_true == y_pred} exactly. */
public final class Accuracy extends MeanMetricWrapper {
  public Accuracy(String name, DType dtype) {
    super(name, dtype);
  }

  public Accuracy() {
    this("accuracy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    Tensor[] a = LossOps.squeezeOrExpand(Tensor.of(yTrue.value().castTo(yPred.value().dataType())), yPred, true);
    return Tensor.of(a[0].value().eq(a[1].value()).castTo(DataType.FLOAT));
  }

  public static Accuracy fromConfig(Config config) {
    return new Accuracy(nameOf(config, "accuracy"), dtypeOf(config));
  }
}
