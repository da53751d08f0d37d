package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras's {@code Sum}: the running (weighted) sum of the values given to {@link #update}. Variable {@code total}. */
public final class Sum extends Metric {
  private final Variable total;

  /**
   * Keras's {@code Sum(name, dtype)}, other arguments at their defaults.
   *
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public Sum(String name, DType dtype) {
    super(name, dtype);
    total = addVariable("total");
  }

  /** Keras's {@code Sum()}: every argument at its default. */
  public Sum() {
    this("sum", DType.FLOAT32);
  }

  /**
   * Keras's {@code Sum.update_state(values, sample_weight)}.
   *
   * @param values the values
   * @param sampleWeight weights broadcastable to {@code values}, or null
   */
  public void update(Tensor values, Tensor sampleWeight) {
    assignAdd(total, Reductions.samplewise(values, sampleWeight, false, dtype().nd4j())[0].sum());
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    throw new UnsupportedOperationException("Metric '" + name() + "' (Sum) sums values: call update(values, sampleWeight)");
  }

  @Override
  public INDArray resultArray() {
    return total.array().dup();
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code Sum.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static Sum fromConfig(Config config) {
    return new Sum(nameOf(config, "sum"), dtypeOf(config));
  }
}
