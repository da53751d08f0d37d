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

  /**
   * Keras's {@code Mean(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public Mean(String name, DType dtype) {
    super(name, dtype);
    total = addVariable("total");
    count = addVariable("count");
  }

  /**
   * Keras's {@code Mean(name)}, in float32.
   *
   * @param name the name results are logged under
   */
  public Mean(String name) {
    this(name, DType.FLOAT32);
  }

  /** Keras's {@code Mean()}: every argument at its default. */
  public Mean() {
    this("mean");
  }

  /**
   * {@return the running mean of the training loss, logged as {@code "loss"} (Keras's {@code _loss_tracker})}
   */
  public static Mean lossTracker() {
    return new Mean("loss");
  }

  /**
   * Keras's {@code Mean.update_state(values, sample_weight)}: values are averaged per sample; the
   * count grows by the weight sum, or by the number of samples when there are no weights.
   *
   * @param values the values
   * @param sampleWeight weights broadcastable to {@code values}, or null
   */
  public void update(Tensor values, Tensor sampleWeight) {
    INDArray[] vw = Reductions.samplewise(values, sampleWeight, true, dtype().nd4j());
    assignAdd(total, vw[0].sum());
    double n = vw[1] != null ? vw[1].sumNumber().doubleValue() : vw[0].rank() >= 1 ? vw[0].size(0) : 1;
    assignAdd(count, Nd4j.scalar(n));
  }

  /**
   * Adds one value with a weight (for the loss: the batch loss and the batch size).
   *
   * @param value the value
   * @param weight its weight
   */
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

  /**
   * Rebuilds a metric from its config (Keras's {@code Mean.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static Mean fromConfig(Config config) {
    return new Mean(nameOf(config, "mean"), dtypeOf(config));
  }
}
