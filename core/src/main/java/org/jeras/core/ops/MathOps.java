package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Differentiable element-wise arithmetic with numpy broadcasting. */
public final class MathOps {
  private MathOps() {}

  private static final OpDesc ADD = OpDesc.of("add");
  private static final OpDesc SUBTRACT = OpDesc.of("subtract");
  private static final OpDesc MULTIPLY = OpDesc.of("multiply");
  private static final OpDesc DIVIDE = OpDesc.of("divide");
  private static final OpDesc MAXIMUM = OpDesc.of("maximum");
  private static final OpDesc MINIMUM = OpDesc.of("minimum");
  private static final OpDesc NEGATIVE = OpDesc.of("negative");
  private static final OpDesc SQUARE = OpDesc.of("square");
  private static final OpDesc SQRT = OpDesc.of("sqrt");
  private static final OpDesc ATAN2 = OpDesc.of("atan2");
  private static final OpDesc EXP = OpDesc.of("exp");
  private static final OpDesc LOG = OpDesc.of("log");
  private static final OpDesc LOG1P = OpDesc.of("log1p");
  private static final OpDesc ABS = OpDesc.of("abs");
  private static final OpDesc SIGN = OpDesc.of("sign");
  private static final OpDesc RECIPROCAL = OpDesc.of("reciprocal");
  private static final OpDesc WHERE = OpDesc.of("where");

  private static INDArray[] grads(INDArray... g) {
    return g;
  }

  /** Operands of an arithmetic op: same dtype, broadcast natively by ND4J. */
  private static INDArray[] arithmeticOperands(Tensor a, Tensor b) {
    INDArray x = a.value();
    INDArray y = b.value();
    if (x.dataType() != y.dataType()) {
      y = y.castTo(x.dataType());
    }
    if (!Arrays.equals(x.shape(), y.shape())) {
      Broadcast.shape(x.shape(), y.shape());
    }
    return new INDArray[] {x, y};
  }

  /** Operands materialized at the broadcast shape, for ops ND4J does not broadcast. */
  private static INDArray[] binaryOperands(Tensor a, Tensor b) {
    INDArray x = a.value();
    INDArray y = b.value();
    if (x.dataType() != y.dataType()) {
      y = y.castTo(x.dataType());
    }
    if (!Arrays.equals(x.shape(), y.shape())) {
      long[] s = Broadcast.shape(x.shape(), y.shape());
      x = Broadcast.to(x, s);
      y = Broadcast.to(y, s);
    }
    return new INDArray[] {x, y};
  }

  /**
   * {@code x op y} with numpy broadcasting by ND4J's broadcastable custom op {@code name}, run
   * through {@link Kernels} (empty operands take the ordinary API).
   */
  private static INDArray arithmetic(String name, INDArray x, INDArray y) {
    long[] shape = Arrays.equals(x.shape(), y.shape()) ? x.shape() : Broadcast.shape(x.shape(), y.shape());
    if (x.isEmpty() || y.isEmpty()) {
      return switch (name) {
        case "add" -> x.add(y);
        case "subtract" -> x.sub(y);
        case "multiply" -> x.mul(y);
        default -> x.div(y);
      };
    }
    return Kernels.exec(name, Kernels.empty(x.dataType(), shape), x, y);
  }

  /**
   * {@return {@code a + b}, broadcast}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor add(Tensor a, Tensor b) {
    INDArray[] xy = arithmeticOperands(a, b);
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    return recordOp(ADD, arithmetic("add", xy[0], xy[1]),
        g -> grads(Broadcast.reduceTo(g, sa), Broadcast.reduceTo(g, sb)), a, b);
  }

  /**
   * {@return {@code a - b}, broadcast}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor sub(Tensor a, Tensor b) {
    INDArray[] xy = arithmeticOperands(a, b);
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    return recordOp(SUBTRACT, arithmetic("subtract", xy[0], xy[1]),
        g -> grads(Broadcast.reduceTo(g, sa), Broadcast.reduceTo(g.neg(), sb)), a, b);
  }

  /**
   * {@return {@code a * b} elementwise, broadcast}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor mul(Tensor a, Tensor b) {
    INDArray[] xy = arithmeticOperands(a, b);
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    return recordOp(MULTIPLY, arithmetic("multiply", xy[0], xy[1]), g -> grads(
        Broadcast.reduceTo(arithmetic("multiply", g, xy[1]), sa), Broadcast.reduceTo(arithmetic("multiply", g, xy[0]), sb)), a, b);
  }

  /**
   * {@return {@code a / b} elementwise, broadcast}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor div(Tensor a, Tensor b) {
    INDArray[] xy = arithmeticOperands(a, b);
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    INDArray out = arithmetic("divide", xy[0], xy[1]);
    return recordOp(DIVIDE, out, g -> grads(Broadcast.reduceTo(arithmetic("divide", g, xy[1]), sa),
        Broadcast.reduceTo(arithmetic("divide", arithmetic("multiply", g, out), xy[1]).negi(), sb)), a, b);
  }

  /**
   * {@return element-wise maximum; the gradient goes to {@code a} where {@code a >= b}}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor maximum(Tensor a, Tensor b) {
    INDArray[] xy = binaryOperands(a, b);
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    INDArray takeA = xy[0].lt(xy[1]).castTo(xy[0].dataType()).rsubi(1.0);
    return recordOp(MAXIMUM, Transforms.max(xy[0], xy[1]),
        g -> grads(Broadcast.reduceTo(g.mul(takeA), sa), Broadcast.reduceTo(g.mul(takeA.rsub(1.0)), sb)), a, b);
  }

  /**
   * {@return the element-wise angle of the point {@code (x, y)}, {@code atan2(y, x)} in
   * {@code [-pi, pi]}} Gradients: {@code x / (x^2 + y^2)} for {@code y}, {@code -y / (x^2 + y^2)}
   * for {@code x} (zero at the origin, where the angle is not differentiable).
   *
   * @param y the ordinates
   * @param x the abscissas
   */
  public static Tensor atan2(Tensor y, Tensor x) {
    INDArray[] yx = binaryOperands(y, x);
    long[] sy = y.value().shape();
    long[] sx = x.value().shape();
    double[] yv = yx[0].castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double[] xv = yx[1].castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double[] out = new double[yv.length];
    double[] dy = new double[yv.length];
    double[] dx = new double[yv.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.atan2(yv[i], xv[i]);
      double r2 = xv[i] * xv[i] + yv[i] * yv[i];
      dy[i] = r2 == 0 ? 0 : xv[i] / r2;
      dx[i] = r2 == 0 ? 0 : -yv[i] / r2;
    }
    long[] shape = yx[0].shape();
    DataType t = yx[0].dataType();
    INDArray gy = Nd4j.create(dy, shape, DataType.DOUBLE).castTo(t);
    INDArray gx = Nd4j.create(dx, shape, DataType.DOUBLE).castTo(t);
    return recordOp(ATAN2, Nd4j.create(out, shape, DataType.DOUBLE).castTo(t),
        g -> grads(Broadcast.reduceTo(g.mul(gy), sy), Broadcast.reduceTo(g.mul(gx), sx)), y, x);
  }

  /**
   * {@return element-wise minimum; the gradient goes to {@code a} where {@code a <= b}}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor minimum(Tensor a, Tensor b) {
    INDArray[] xy = binaryOperands(a, b);
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    INDArray takeA = xy[0].gt(xy[1]).castTo(xy[0].dataType()).rsubi(1.0);
    return recordOp(MINIMUM, Transforms.min(xy[0], xy[1]),
        g -> grads(Broadcast.reduceTo(g.mul(takeA), sa), Broadcast.reduceTo(g.mul(takeA.rsub(1.0)), sb)), a, b);
  }

  /**
   * {@return {@code a + s}}
   *
   * @param a the input
   * @param s the scalar
   */
  public static Tensor add(Tensor a, double s) {
    return recordOp(OpDesc.of("add_scalar", "value", s), a.value().add(s), g -> grads(g), a);
  }

  /**
   * {@return {@code a * s}}
   *
   * @param a the input
   * @param s the scalar
   */
  public static Tensor mul(Tensor a, double s) {
    return recordOp(OpDesc.of("multiply_scalar", "value", s), a.value().mul(s), g -> grads(g.mul(s)), a);
  }

  /**
   * {@return {@code s - a}}
   *
   * @param s the scalar
   * @param a the input
   */
  public static Tensor rsub(double s, Tensor a) {
    return recordOp(OpDesc.of("rsub_scalar", "value", s), a.value().rsub(s), g -> grads(g.neg()), a);
  }

  /**
   * {@return {@code -a}}
   *
   * @param a the input
   */
  public static Tensor neg(Tensor a) {
    return recordOp(NEGATIVE, a.value().neg(), g -> grads(g.neg()), a);
  }

  /**
   * {@return {@code a * a}}
   *
   * @param a the input
   */
  public static Tensor square(Tensor a) {
    INDArray x = a.value();
    return recordOp(SQUARE, x.mul(x), g -> grads(g.mul(x).muli(2.0)), a);
  }

  /**
   * {@return the square root of {@code a}}
   *
   * @param a the input
   */
  public static Tensor sqrt(Tensor a) {
    INDArray out = Transforms.sqrt(a.value(), true);
    return recordOp(SQRT, out, g -> grads(g.div(out).muli(0.5)), a);
  }

  /**
   * {@return {@code exp(a)}}
   *
   * @param a the input
   */
  public static Tensor exp(Tensor a) {
    INDArray out = Transforms.exp(a.value(), true);
    return recordOp(EXP, out, g -> grads(g.mul(out)), a);
  }

  /**
   * {@return the natural logarithm of {@code a}}
   *
   * @param a the input
   */
  public static Tensor log(Tensor a) {
    INDArray x = a.value();
    return recordOp(LOG, Transforms.log(x, true), g -> grads(g.div(x)), a);
  }

  /**
   * {@return {@code log(1 + a)}}
   *
   * @param a the input
   */
  public static Tensor log1p(Tensor a) {
    INDArray x = a.value();
    return recordOp(LOG1P, Transforms.log1p(x, true), g -> grads(g.div(x.add(1.0))), a);
  }

  /**
   * {@return {@code |a|}}
   *
   * @param a the input
   */
  public static Tensor abs(Tensor a) {
    INDArray x = a.value();
    return recordOp(ABS, Transforms.abs(x, true), g -> grads(g.mul(Transforms.sign(x, true))), a);
  }

  /**
   * {@return the sign of {@code a}: -1, 0 or 1 (no gradient)}
   *
   * @param a the input
   */
  public static Tensor sign(Tensor a) {
    return recordOp(SIGN, Transforms.sign(a.value(), true), null, a);
  }

  /**
   * {@return {@code a} to the power {@code p}}
   *
   * @param a the input
   * @param p the exponent
   */
  public static Tensor pow(Tensor a, double p) {
    INDArray x = a.value();
    return recordOp(OpDesc.of("power_scalar", "exponent", p), Transforms.pow(x, p, true), g -> grads(g.mul(Transforms.pow(x, p - 1, true)).muli(p)), a);
  }

  /**
   * {@return {@code 1 / a}}
   *
   * @param a the input
   */
  public static Tensor reciprocal(Tensor a) {
    INDArray out = a.value().rdiv(1.0);
    return recordOp(RECIPROCAL, out, g -> grads(g.mul(out).muli(out).negi()), a);
  }

  /**
   * Clips into {@code [lo, hi]}; the gradient flows only where the input was inside.
   *
   * @param a the input
   * @param lo the lower bound
   * @param hi the upper bound
   * @return the clipped tensor
   */
  public static Tensor clip(Tensor a, double lo, double hi) {
    INDArray x = a.value();
    INDArray inside = x.gte(lo).castTo(x.dataType()).muli(x.lte(hi).castTo(x.dataType()));
    return recordOp(OpDesc.of("clip", "min", lo, "max", hi), Transforms.min(Transforms.max(x, lo, true), hi, false),
        g -> grads(g.mul(inside)), a);
  }

  /**
   * {@return {@code cond ? a : b} with a boolean (or 0/1) condition; gradients go to the chosen side}
   *
   * @param cond the condition
   * @param a the values where {@code cond} holds
   * @param b the values elsewhere
   */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    INDArray[] xy = binaryOperands(a, b);
    INDArray c = Broadcast.to(cond.value().castTo(xy[0].dataType()), xy[0].shape());
    long[] sa = a.value().shape();
    long[] sb = b.value().shape();
    INDArray out = xy[0].mul(c).addi(xy[1].mul(c.rsub(1.0)));
    return recordOp(WHERE, out,
        g -> grads(null, Broadcast.reduceTo(g.mul(c), sa), Broadcast.reduceTo(g.mul(c.rsub(1.0)), sb)), cond, a, b);
  }

  /**
   * {@return {@code a != value} elementwise, as booleans (a mask; no gradient)}
   *
   * @param a the input
   * @param value the value
   */
  public static Tensor notEqual(Tensor a, double value) {
    return recordOp(OpDesc.of("not_equal_scalar", "value", value), a.value().neq(value).castTo(DataType.BOOL), null, a);
  }

  /**
   * {@return the elementwise OR of the truth values (non-zero is true) of {@code a} and {@code b}, broadcast,
   * as booleans}
   *
   * @param a the first operand
   * @param b the second operand
   */
  public static Tensor logicalOr(Tensor a, Tensor b) {
    INDArray x = a.value().castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE);
    INDArray y = b.value().castTo(DataType.DOUBLE).neq(0).castTo(DataType.DOUBLE);
    long[] shape = Broadcast.shape(x.shape(), y.shape());
    INDArray out = Transforms.max(Broadcast.to(x, shape), Broadcast.to(y, shape), true).castTo(DataType.BOOL);
    return recordOp(OpDesc.of("logical_or"), out, null, a, b);
  }

  /**
   * {@return a cast to another dtype; gradients flow between floating types}
   *
   * @param a the input
   * @param dtype the dtype
   */
  public static Tensor cast(Tensor a, DType dtype) {
    INDArray x = a.value();
    if (x.dataType() == dtype.nd4j()) {
      return a;
    }
    DataType from = x.dataType();
    if (!dtype.isFloating() || !from.isFPType()) {
      return recordOp(OpDesc.of("cast", "dtype", dtype.kerasName()), x.castTo(dtype.nd4j()), null, a);
    }
    return recordOp(OpDesc.of("cast", "dtype", dtype.kerasName()), x.castTo(dtype.nd4j()), g -> grads(g.castTo(from)), a);
  }

  /**
   * {@return zeros of shape {@code like.shape[:lead] + trailing} and dtype {@code dtype}: a state whose
   * leading sizes (the batch) come from an input, such as a recurrent layer's initial state}
   *
   * @param like the tensor to take the shape from
   * @param lead how many leading dimensions to take from {@code like}
   * @param dtype the dtype
   * @param trailing the trailing dimensions
   */
  public static Tensor zeros(Tensor like, int lead, DType dtype, long... trailing) {
    long[] s = like.value().shape();
    long[] shape = new long[lead + trailing.length];
    System.arraycopy(s, 0, shape, 0, lead);
    System.arraycopy(trailing, 0, shape, lead, trailing.length);
    return recordOp(OpDesc.of("zeros", "lead", lead, "dtype", dtype.kerasName(), "trailing", trailing.clone()),
        Nd4j.zeros(dtype.nd4j(), shape), null, like);
  }

  /**
   * {@return a constant of the given value shaped and typed like {@code like}}
   *
   * @param like the tensor to take the shape from
   * @param value the value
   */
  public static Tensor fullLike(Tensor like, double value) {
    return recordOp(OpDesc.of("full_like", "value", value),
        Nd4j.valueArrayOf(like.value().shape(), value, like.value().dataType()), null, like);
  }
}
