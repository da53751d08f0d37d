package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code Mean}: the weighted running mean {@code total / count} of the values given to
 * {@link #update}. Variables {@code total}, {@code count}. The training loop's {@code "loss"}
 * entry is a {@code Mean} named "loss" updated with each batch loss weighted by the batch size
 * ({@link #lossTracker()}).
 */
public class Mean extends Metric {
  private final Variable total;
  private final Variable count;

  public Mean(String name, DType dtype) {
    super(name, dtype);
    total = addVariable("total");
    count = addVariable("count");
  }

  public Mean(String name) {
    this(name, DType.FLOAT32);
  }

  public Mean() {
    this("mean");
  }

  /** The running mean of the training loss, logged as {@code "loss"} (Keras's {@code _loss_tracker}). */
  public static Mean lossTracker() {
    return new Mean("loss");
  }

  /**
   * Keras's {@code Mean.update_state(values, sample_weight)}: values are averaged per sample; the
   * count grows by the weight sum, or by the number of samples when there are no weights.
   */
  public void update(Tensor values, Tensor sampleWeight) {
    INDArray[] vw = Reductions.samplewise(values, sampleWeight, true, dtype().nd4j());
    assignAdd(total, vw[0].sum());
    double n = vw[1] != null ? vw[1].sumNumber().doubleValue() : vw[0].rank() >= 1 ? vw[0].size(0) : 1;
    assignAdd(count, Nd4j.scalar(n));
  }

  /** Adds one value with a weight (for the loss: the batch loss and the batch size). */
  public void update(double value, double weight) {
    update(Tensor.of(Nd4j.scalar(value).castTo(dtype().nd4j())), Tensor.of(Nd4j.scalar(weight).castTo(dtype().nd4j())));
  }

  /** Not defined for a plain mean (Keras would read y_pred as weights); use {@link #update}. */
  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    throw new UnsupportedOperationException("Metric '" + name() + "' (" + className()
        + ") averages values: call update(values, sampleWeight)");
  }

  @Override
  public INDArray resultArray() {
    INDArray c = count.array();
    if (c.getDouble(0) == 0) {
      return Nd4j.zeros(c.dataType()); // Keras's divide_no_nan
    }
    return total.array().div(c);
  }

  public static Mean fromConfig(Config config) {
    return new Mean(nameOf(config, "mean"), dtypeOf(config));
  }
}
