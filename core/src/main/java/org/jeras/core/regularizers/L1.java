package org.jeras.core.regularizers;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code L1}: {@code l1 * sum(|x|)} (default l1 0.01). Keras keeps the factor as a float32
 * tensor, so its config holds the float32 value widened: {@code L1(0.001)} writes
 * {@code 0.0010000000474974513}; Jeras does the same.
 */
public final class L1 implements Regularizer {
  private final float l1;

  /**
   * Keras's {@code L1(l1)}.
   *
   * @param l1 the factor of the sum of absolute values
   */
  public L1(double l1) {
    this.l1 = (float) Penalties.factor("l1", l1);
  }

  /** Keras's {@code L1()}: every argument at its default. */
  public L1() {
    this(0.01);
  }

  /**
   * Rebuilds a regularizer from its config (Keras's {@code L1.from_config}).
   *
   * @param c the regularizer's config
   * @return the regularizer
   */
  public static L1 fromConfig(Config c) {
    return new L1(c.getDouble("l1", 0.01));
  }

  /** {@return the factor of the sum of absolute values} */
  public double l1() {
    return l1;
  }

  @Override
  public Tensor apply(Tensor x) {
    return Penalties.l1(x, l1);
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("l1", (double) l1);
  }
}
