package org.jeras.core.losses;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code CategoricalGeneralizedCrossEntropy} (Zhang and Sabuncu, 2018): with integer
 * labels and {@code p} the predicted probability of the true class, {@code (1 - p^q) / q}.
 */
public final class CategoricalGeneralizedCrossEntropy extends Loss {
  private final double q;

  /**
   * Keras's {@code CategoricalGeneralizedCrossEntropy(q)}.
   *
   * @param q the noise parameter, in (0, 1): towards 0 crossentropy-like, towards 1 MAE-like
   */
  public CategoricalGeneralizedCrossEntropy(double q) {
    super("categorical_generalized_cross_entropy");
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException("q must be in the interval (0, 1), got " + q);
    }
    this.q = q;
  }

  /** Keras's {@code CategoricalGeneralizedCrossEntropy()}: q = 0.5. */
  public CategoricalGeneralizedCrossEntropy() {
    this(0.5);
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    long[] shape = yPred.value().shape();
    if (yTrue.rank() != yPred.rank() - 1) {
      throw new IllegalArgumentException("CategoricalGeneralizedCrossEntropy expects integer labels of shape "
          + "y_pred.shape[:-1]; got labels of shape " + yTrue.shape() + " for predictions of shape " + yPred.shape());
    }
    Tensor oneHot = Tensor.of(LossOps.oneHot(yTrue.value(), shape, -1, yPred.value().dataType()));
    Tensor p = ReduceOps.sum(MathOps.mul(yPred, oneHot), false, -1);
    return MathOps.mul(MathOps.rsub(1.0, MathOps.pow(p, q)), 1.0 / q);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("q", q);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code CategoricalGeneralizedCrossEntropy.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static CategoricalGeneralizedCrossEntropy fromConfig(Config config) {
    double q = config.getDouble("q", 0.5);
    if (!(q > 0 && q < 1)) {
      throw new ConfigException("Config key 'q': q must be in the interval (0, 1), got " + q);
    }
    return new CategoricalGeneralizedCrossEntropy(q).withBaseConfig(config);
  }
}
