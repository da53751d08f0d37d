package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code CosineSimilarity} loss: {@code -sum(l2_normalize(t) * l2_normalize(p), axis)}. */
public final class CosineSimilarity extends Loss {
  private final int axis;

  /**
   * Keras's {@code CosineSimilarity(axis)}.
   *
   * @param axis the axis the similarity is computed along
   */
  public CosineSimilarity(int axis) {
    super("cosine_similarity");
    this.axis = axis;
  }

  /** Keras's {@code CosineSimilarity()}: every argument at its default. */
  public CosineSimilarity() {
    this(-1);
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor p = LossOps.l2Normalize(yPred, axis);
    Tensor t = LossOps.l2Normalize(yTrue, axis);
    return MathOps.neg(ReduceOps.sum(MathOps.mul(t, p), false, axis));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("axis", axis);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code CosineSimilarity.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static CosineSimilarity fromConfig(Config config) {
    return new CosineSimilarity(config.getInt("axis", -1)).withBaseConfig(config);
  }
}
