package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code Circle} loss (Sun et al., 2020) between integer labels and L2-normalized
 * embeddings of one batch: from the pairwise cosine distances {@code d = max(1 - e e^T, 0)},
 * positives (same label, the diagonal excluded unless {@code remove_diagonal} is false) and
 * negatives (other labels) are weighted and scaled by {@code gamma}, and per sample the loss is
 * {@code softplus(logsumexp(positive terms) + logsumexp(negative terms))}. Samples whose loss is 0
 * (no positive or no negative) are masked out of the mean, as in Keras.
 */
public final class Circle extends Loss {
  /** Stands for Keras's -inf in the masked logsumexp: same value, and a finite gradient. */
  private static final double MASKED = -1e30;
  private final double gamma;
  private final double margin;
  private final boolean removeDiagonal;

  /**
   * Keras's {@code Circle(gamma, margin, remove_diagonal)}.
   *
   * @param gamma the scale of the similarity scores
   * @param margin the relaxation factor
   * @param removeDiagonal whether a sample is not its own positive
   */
  public Circle(double gamma, double margin, boolean removeDiagonal) {
    super("circle");
    this.gamma = gamma;
    this.margin = margin;
    this.removeDiagonal = removeDiagonal;
  }

  /** Keras's {@code Circle()}: gamma 80, margin 0.4, the diagonal removed. */
  public Circle() {
    this(80.0, 0.4, true);
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    if (yPred.rank() != 2) {
      throw new IllegalArgumentException("Circle expects embeddings of shape (batch, dim), got " + yPred.shape());
    }
    long n = yPred.value().size(0);
    long[] labels = yTrue.value().castTo(DataType.LONG).reshape(-1).toLongVector();
    if (labels.length != n) {
      throw new IllegalArgumentException("Circle expects one integer label per embedding: got labels of shape "
          + yTrue.shape() + " for embeddings of shape " + yPred.shape());
    }
    DataType dt = yPred.value().dataType();
    INDArray pos = Nd4j.zeros(dt, n, n);
    INDArray neg = Nd4j.zeros(dt, n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean same = labels[i] == labels[j];
        pos.putScalar(i, j, same && !(removeDiagonal && i == j) ? 1 : 0);
        neg.putScalar(i, j, same ? 0 : 1);
      }
    }
    Tensor posMask = Tensor.of(pos);
    Tensor negMask = Tensor.of(neg);
    Tensor similarity = LinalgOps.matmul(yPred, ArrayOps.transpose(yPred, 1, 0));
    Tensor d = MathOps.maximum(MathOps.rsub(1.0, similarity), MathOps.fullLike(similarity, 0.0));
    Tensor zero = MathOps.fullLike(d, 0.0);
    Tensor posWeights = MathOps.maximum(MathOps.mul(MathOps.add(d, margin), posMask), zero);
    Tensor negWeights = MathOps.maximum(MathOps.mul(MathOps.rsub(1 + margin, d), negMask), zero);
    Tensor posTerms = MathOps.mul(MathOps.mul(posWeights, MathOps.rsub(margin, d)), -gamma);
    Tensor negTerms = MathOps.mul(MathOps.mul(negWeights, MathOps.rsub(1 - margin, d)), gamma);
    Tensor masked = MathOps.fullLike(d, MASKED);
    Tensor pLoss = ReduceOps.logSumExp(MathOps.where(Tensor.of(pos.neq(0)), posTerms, masked), false, 1);
    Tensor nLoss = ReduceOps.logSumExp(MathOps.where(Tensor.of(neg.neq(0)), negTerms, masked), false, 1);
    Tensor loss = NnOps.softplus(MathOps.add(pLoss, nLoss));
    return loss.withMask(Tensor.of(loss.value().gt(0)));
  }

  @Override
  protected void addConfig(Config config) {
    config.put("gamma", gamma).put("margin", margin).put("remove_diagonal", removeDiagonal);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code Circle.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static Circle fromConfig(Config config) {
    return new Circle(config.getDouble("gamma", 80.0), config.getDouble("margin", 0.4),
        config.getBoolean("remove_diagonal", true)).withBaseConfig(config);
  }
}
