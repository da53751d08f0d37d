package org.jeras.core.regularizers;

import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code L1L2}: {@code l1 * sum(|x|) + l2 * sum(x^2)}; both factors default to 0.0 (also
 * when resolved from the string {@code "l1l2"}), and a zero factor adds no term.
 */
public final class L1L2 implements Regularizer {
  private final double l1;
  private final double l2;

  /**
   * Keras's {@code L1L2(l1, l2)}.
   *
   * @param l1 the factor of the sum of absolute values
   * @param l2 the factor of the sum of squares
   */
  public L1L2(double l1, double l2) {
    this.l1 = Penalties.factor("l1", l1);
    this.l2 = Penalties.factor("l2", l2);
  }

  /** Keras's {@code L1L2()}: every argument at its default. */
  public L1L2() {
    this(0.0, 0.0);
  }

  /**
   * Rebuilds a regularizer from its config (Keras's {@code L1L2.from_config}).
   *
   * @param c the regularizer's config
   * @return the regularizer
   */
  public static L1L2 fromConfig(Config c) {
    return new L1L2(c.getDouble("l1", 0.0), c.getDouble("l2", 0.0));
  }

  @Override
  public Tensor apply(Tensor x) {
    Tensor penalty = null;
    if (l1 != 0.0) {
      penalty = Penalties.l1(x, l1);
    }
    if (l2 != 0.0) {
      Tensor p2 = Penalties.l2(x, l2);
      penalty = penalty == null ? p2 : MathOps.add(penalty, p2);
    }
    return penalty == null ? Penalties.zero(x) : penalty;
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("l1", l1).put("l2", l2);
  }
}
