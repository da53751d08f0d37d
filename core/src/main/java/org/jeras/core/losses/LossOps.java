package org.jeras.core.losses;

import static org.jeras.core.tensor.GradientTape.recordOp;

import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Differentiable pieces the losses share that {@code org.jeras.core.ops} does not have. */
public final class LossOps {
  /** Keras's {@code backend.epsilon()}. */
  public static final double EPSILON = 1e-7;

  private LossOps() {}

  /**
   * Keras's {@code squeeze_or_expand_to_same_rank}: when the ranks differ by one and the longer
   * one ends in a dimension of 1, that dimension is squeezed, or the rank-1 tensor is given a
   * trailing axis when {@code expandRank1}.
   */
  public static Tensor[] squeezeOrExpand(Tensor x1, Tensor x2, boolean expandRank1) {
    int r1 = x1.rank();
    int r2 = x2.rank();
    if (r1 == r2 + 1 && x1.shape().get(-1) == 1) {
      if (r2 == 1 && expandRank1) {
        x2 = ArrayOps.expandDims(x2, -1);
      } else {
        x1 = ArrayOps.squeeze(x1, -1);
      }
    } else if (r2 == r1 + 1 && x2.shape().get(-1) == 1) {
      if (r1 == 1 && expandRank1) {
        x1 = ArrayOps.expandDims(x1, -1);
      } else {
        x2 = ArrayOps.squeeze(x2, -1);
      }
    }
    return new Tensor[] {x1, x2};
  }

  /** {@code log(1 + exp(x))}, computed as {@code max(x, 0) + log1p(exp(-|x|))}; its derivative is sigmoid(x). */
  public static Tensor softplus(Tensor a) {
    INDArray x = a.value();
    INDArray out = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false)
        .addi(Transforms.relu(x, true));
    return recordOp(out, g -> new INDArray[] {g.mul(Transforms.sigmoid(x, true))}, a);
  }

  /** Keras's L2 {@code normalize}: {@code x * rsqrt(max(sum(x^2, axis), epsilon^2))}. */
  public static Tensor l2Normalize(Tensor x, int axis) {
    Tensor squareSum = ReduceOps.sum(MathOps.square(x), true, axis);
    Tensor floor = MathOps.fullLike(squareSum, EPSILON * EPSILON);
    return MathOps.mul(x, MathOps.pow(MathOps.maximum(squareSum, floor), -0.5));
  }

  /**
   * A constant one-hot array of {@code shape} along {@code axis}, with ones at the integer class
   * indices {@code labels} (shaped like {@code shape} without {@code axis}).
   */
  public static INDArray oneHot(INDArray labels, long[] shape, int axis, DataType dtype) {
    int ax = axis < 0 ? axis + shape.length : axis;
    long classes = shape[ax];
    long inner = 1;
    for (int i = ax + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    long total = 1;
    for (long d : shape) {
      total *= d;
    }
    long[] flatLabels = labels.castTo(DataType.LONG).reshape(-1).toLongVector();
    if (flatLabels.length * classes != total) {
      throw new IllegalArgumentException("Labels of shape " + java.util.Arrays.toString(labels.shape())
          + " do not match predictions of shape " + java.util.Arrays.toString(shape) + " without axis " + axis);
    }
    double[] out = new double[Math.toIntExact(total)];
    for (int i = 0; i < flatLabels.length; i++) {
      long c = flatLabels[i];
      if (c < 0 || c >= classes) {
        throw new IllegalArgumentException("Class index " + c + " out of range [0, " + classes + ")");
      }
      long outer = i / inner;
      long in = i % inner;
      out[Math.toIntExact((outer * classes + c) * inner + in)] = 1.0;
    }
    return Nd4j.create(out, shape, 'c').castTo(dtype);
  }
}
