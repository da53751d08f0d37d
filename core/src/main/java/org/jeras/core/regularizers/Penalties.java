package org.jeras.core.regularizers;

import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** The penalty terms and factor checks the built-in regularizers share. */
final class Penalties {
  private Penalties() {}

  /** {@code factor * sum(|x|)}; the factor is cast to x's dtype, as Keras does. */
  static Tensor l1(Tensor x, double factor) {
    return MathOps.mul(ReduceOps.sum(MathOps.abs(x)), factor);
  }

  /** {@code factor * sum(x^2)}. */
  static Tensor l2(Tensor x, double factor) {
    return MathOps.mul(ReduceOps.sum(MathOps.square(x)), factor);
  }

  /** A zero penalty of x's dtype. */
  static Tensor zero(Tensor x) {
    return Tensor.of(Nd4j.scalar(x.value().dataType(), 0.0));
  }

  /** Keras's {@code validate_float_arg}: a finite, non-negative number. */
  static double factor(String key, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new ConfigException("Invalid value for '" + key + "': expected a non-negative float, got " + value);
    }
    return value;
  }
}
