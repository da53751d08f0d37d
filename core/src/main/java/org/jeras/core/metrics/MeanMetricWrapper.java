package org.jeras.core.metrics;

import org.jeras.core.losses.Loss;
import org.jeras.core.losses.Reduction;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code MeanMetricWrapper}: the running mean of a per-sample function of
 * {@code (y_true, y_pred)}; the Keras mask of {@code y_pred} is merged into the sample weights.
 * Subclasses give only the function.
 */
public abstract class MeanMetricWrapper extends Mean {
  /**
   * Keras's {@code MeanMetricWrapper(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  protected MeanMetricWrapper(String name, DType dtype) {
    super(name, dtype);
  }

  /**
   * The per-sample values for one batch.
   *
   * @param yTrue the targets
   * @param yPred the predictions
   * @return the values to average
   */
  protected abstract Tensor values(Tensor yTrue, Tensor yPred);

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Tensor mask = yPred.mask();
    Tensor values = values(yTrue, yPred.withMask(null));
    Tensor weights = Loss.applyMask(sampleWeight, mask == null ? null : mask.value(), dtype().nd4j(), Reduction.SUM);
    update(values, weights);
  }
}
