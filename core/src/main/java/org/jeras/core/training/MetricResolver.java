package org.jeras.core.training;

import org.jeras.core.losses.Loss;
import org.jeras.core.metrics.Metric;
import org.jeras.core.metrics.Metrics;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns a compile-time metric spec (an object or a Keras name) into a metric for one output. */
final class MetricResolver {
  private MetricResolver() {}

  static Metric resolve(Object spec, Loss loss, INDArray yTrue, Tensor yPred) {
    Metric direct = Compilation.toMetricOrNull(spec);
    if (direct != null) {
      return direct;
    }
    if (spec instanceof String name) {
      return Metrics.get(name, Shape.of(yTrue.shape()), yPred.shape());
    }
    throw new IllegalArgumentException("A metric must be a Metric or a name, got " + spec);
  }
}
