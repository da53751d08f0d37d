package org.jeras.core.ops;

import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The element-wise part of {@link Ops} ({@code keras.ops}' arithmetic, powers, logs, comparisons
 * and selection), delegating to {@link MathOps}. A Java number stands for a Python scalar: it
 * takes the tensor operand's dtype (a fractional number with an integer tensor gives float32), as
 * Keras's weak types do. Use these through {@link Ops}.
 */
abstract class OpsMath {
  OpsMath() {}

  /** {@code value} as a rank-0 tensor, and {@code t} in the dtype both share. */
  private static Tensor[] withScalar(Tensor t, double value) {
    DType type = t.dtype();
    if (!type.isFloating() && value != Math.rint(value)) {
      type = DType.FLOAT32;
    }
    return new Tensor[] {MathOps.cast(t, type), Tensor.of(Nd4j.scalar(type.nd4j(), value))};
  }

  /**
   * {@code x1 + x2}, broadcast.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor add(Tensor x1, Tensor x2) {
    return MathOps.add(x1, x2);
  }

  /**
   * {@code x1 + x2} with a scalar {@code x2}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor add(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.add(p[0], p[1]);
  }

  /**
   * {@code x1 + x2} with a scalar {@code x1}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor add(double x1, Tensor x2) {
    Tensor[] p = withScalar(x2, x1);
    return MathOps.add(p[1], p[0]);
  }

  /**
   * {@code x1 - x2}, broadcast.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor subtract(Tensor x1, Tensor x2) {
    return MathOps.sub(x1, x2);
  }

  /**
   * {@code x1 - x2} with a scalar {@code x2}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor subtract(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.sub(p[0], p[1]);
  }

  /**
   * {@code x1 - x2} with a scalar {@code x1}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor subtract(double x1, Tensor x2) {
    Tensor[] p = withScalar(x2, x1);
    return MathOps.sub(p[1], p[0]);
  }

  /**
   * {@code x1 * x2}, broadcast.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor multiply(Tensor x1, Tensor x2) {
    return MathOps.mul(x1, x2);
  }

  /**
   * {@code x1 * x2} with a scalar {@code x2}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor multiply(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.mul(p[0], p[1]);
  }

  /**
   * {@code x1 * x2} with a scalar {@code x1}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor multiply(double x1, Tensor x2) {
    Tensor[] p = withScalar(x2, x1);
    return MathOps.mul(p[1], p[0]);
  }

  /**
   * {@code x1 / x2}, broadcast.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor divide(Tensor x1, Tensor x2) {
    return MathOps.div(x1, x2);
  }

  /**
   * {@code x1 / x2} with a scalar {@code x2}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor divide(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.div(p[0], p[1]);
  }

  /**
   * {@code x1 / x2} with a scalar {@code x1}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor divide(double x1, Tensor x2) {
    Tensor[] p = withScalar(x2, x1);
    return MathOps.div(p[1], p[0]);
  }

  /**
   * Keras's {@code true_divide}: {@link #divide(Tensor, Tensor)}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor trueDivide(Tensor x1, Tensor x2) {
    return divide(x1, x2);
  }

  /**
   * Keras's {@code true_divide} with a scalar divisor.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor trueDivide(Tensor x1, double x2) {
    return divide(x1, x2);
  }

  /**
   * {@code x1 / x2}, and 0 where {@code x2} is 0 (no gradient flows through those divisions).
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor divideNoNan(Tensor x1, Tensor x2) {
    Tensor nonZero = MathOps.notEqual(x2, 0);
    Tensor safe = MathOps.where(nonZero, x2, MathOps.fullLike(x2, 1));
    Tensor quotient = MathOps.div(x1, safe);
    return MathOps.where(nonZero, quotient, MathOps.fullLike(quotient, 0));
  }

  /**
   * {@link #divideNoNan(Tensor, Tensor)} with a scalar divisor.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor divideNoNan(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return divideNoNan(p[0], p[1]);
  }

  /**
   * Element-wise maximum, broadcast.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor maximum(Tensor x1, Tensor x2) {
    return MathOps.maximum(x1, x2);
  }

  /**
   * Element-wise maximum with a scalar.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor maximum(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.maximum(p[0], p[1]);
  }

  /**
   * Element-wise maximum with a scalar {@code x1}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor maximum(double x1, Tensor x2) {
    return maximum(x2, x1);
  }

  /**
   * Element-wise minimum, broadcast.
   *
   * @param x1 the first operand
   * @param x2 the second operand
    * @return the result
   */
  public static Tensor minimum(Tensor x1, Tensor x2) {
    return MathOps.minimum(x1, x2);
  }

  /**
   * Element-wise minimum with a scalar.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor minimum(Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.minimum(p[0], p[1]);
  }

  /**
   * Element-wise minimum with a scalar {@code x1}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor minimum(double x1, Tensor x2) {
    return minimum(x2, x1);
  }

  /**
   * {@code x1 ** x2} for a scalar exponent.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor power(Tensor x1, double x2) {
    return MathOps.pow(x1, x2);
  }

  /**
   * {@code -x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor negative(Tensor x) {
    return MathOps.neg(x);
  }

  /**
   * {@code |x|}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor abs(Tensor x) {
    return MathOps.abs(x);
  }

  /**
   * Keras's {@code absolute}: {@link #abs}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor absolute(Tensor x) {
    return MathOps.abs(x);
  }

  /**
   * {@code x * x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor square(Tensor x) {
    return MathOps.square(x);
  }

  /**
   * Square root.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor sqrt(Tensor x) {
    return MathOps.sqrt(x);
  }

  /**
   * {@code 1 / sqrt(x)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor rsqrt(Tensor x) {
    return MathOps.reciprocal(MathOps.sqrt(x));
  }

  /**
   * {@code e ** x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor exp(Tensor x) {
    return MathOps.exp(x);
  }

  /**
   * Natural logarithm.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor log(Tensor x) {
    return MathOps.log(x);
  }

  /**
   * {@code log(1 + x)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor log1p(Tensor x) {
    return MathOps.log1p(x);
  }

  /**
   * -1, 0 or 1 by the sign of each element.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor sign(Tensor x) {
    return MathOps.sign(x);
  }

  /**
   * {@code 1 / x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor reciprocal(Tensor x) {
    return MathOps.reciprocal(x);
  }

  /**
   * {@code x} clipped into {@code [xMin, xMax]}.
   *
   * @param x the input
   * @param xMin the {@code xMin} argument, as in Keras
   * @param xMax the {@code xMax} argument, as in Keras
   * @return the result
   */
  public static Tensor clip(Tensor x, double xMin, double xMax) {
    return MathOps.clip(x, xMin, xMax);
  }

  /**
   * {@code condition ? x1 : x2}, broadcast.
   *
   * @param condition where to take the first branch
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor where(Tensor condition, Tensor x1, Tensor x2) {
    return MathOps.where(condition, x1, x2);
  }

  /**
   * {@code condition ? x1 : x2} with a scalar {@code x2}.
   *
   * @param condition where to take the first branch
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor where(Tensor condition, Tensor x1, double x2) {
    Tensor[] p = withScalar(x1, x2);
    return MathOps.where(condition, p[0], p[1]);
  }

  /**
   * {@code condition ? x1 : x2} with a scalar {@code x1}.
   *
   * @param condition where to take the first branch
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor where(Tensor condition, double x1, Tensor x2) {
    Tensor[] p = withScalar(x2, x1);
    return MathOps.where(condition, p[1], p[0]);
  }

  /**
   * {@code x1 != x2} as booleans, for a scalar {@code x2}.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor notEqual(Tensor x1, double x2) {
    return MathOps.notEqual(x1, x2);
  }

  /**
   * Element-wise OR of the truth values, as booleans.
   *
   * @param x1 the first operand
   * @param x2 the second operand
   * @return the result
   */
  public static Tensor logicalOr(Tensor x1, Tensor x2) {
    return MathOps.logicalOr(x1, x2);
  }

  /**
   * Zeros shaped and typed like {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor zerosLike(Tensor x) {
    return MathOps.fullLike(x, 0);
  }

  /**
   * Ones shaped and typed like {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor onesLike(Tensor x) {
    return MathOps.fullLike(x, 1);
  }

  /**
   * {@code fillValue} shaped and typed like {@code x}.
   *
   * @param x the input
   * @param fillValue the fill value
    * @return the result
   */
  public static Tensor fullLike(Tensor x, double fillValue) {
    return MathOps.fullLike(x, fillValue);
  }

  /**
   * {@code x} cast to {@code dtype}.
   *
   * @param x the input
   * @param dtype the result's dtype
   * @return the result
   */
  public static Tensor cast(Tensor x, DType dtype) {
    return MathOps.cast(x, dtype);
  }

  /**
   * {@code x} cast to the dtype Keras names {@code dtype} ({@code "float32"}, {@code "int64"}, ...).
   *
   * @param x the input
   * @param dtype the result's dtype
    * @return the result
   */
  public static Tensor cast(Tensor x, String dtype) {
    return MathOps.cast(x, DType.of(dtype));
  }
}
