package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code CosineSimilarity} metric: the running mean of the cosine similarity of each sample's target and
 * prediction (note: +1 for the same direction, unlike the loss).
 */
public final class CosineSimilarity extends MeanMetricWrapper {
  private final int axis;
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code CosineSimilarity(...)}.
   *
   * @param axis Keras's {@code axis}
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public CosineSimilarity(int axis, String name, DType dtype) {
    super(name, dtype);
    this.axis = axis;
    this.fn = new org.jeras.core.losses.CosineSimilarity(axis);
  }

  /** Keras's {@code CosineSimilarity()}: every argument at its default. */
  public CosineSimilarity() {
    this(-1, "cosine_similarity", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return org.jeras.core.ops.MathOps.neg(fn.call(yTrue, yPred));
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code CosineSimilarity.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static CosineSimilarity fromConfig(Config config) {
    return new CosineSimilarity(-1, nameOf(config, "cosine_similarity"), dtypeOf(config));
  }
}
