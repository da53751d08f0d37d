package org.jeras.core.regularizers;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code L2}: {@code l2 * sum(x^2)} (default l2 0.01). */
public final class L2 implements Regularizer {
  private final double l2;

  /**
   * Keras's {@code L2(l2)}.
   *
   * @param l2 the factor of the sum of squares
   */
  public L2(double l2) {
    this.l2 = Penalties.factor("l2", l2);
  }

  /** Keras's {@code L2()}: every argument at its default. */
  public L2() {
    this(0.01);
  }

  /**
   * Rebuilds a regularizer from its config (Keras's {@code L2.from_config}).
   *
   * @param c the regularizer's config
   * @return the regularizer
   */
  public static L2 fromConfig(Config c) {
    return new L2(c.getDouble("l2", 0.01));
  }

  /** {@return the factor of the sum of squares} */
  public double l2() {
    return l2;
  }

  @Override
  public Tensor apply(Tensor x) {
    return Penalties.l2(x, l2);
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("l2", l2);
  }
}
