package org.jeras.core.losses;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
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
   *
   * @param x1 the first tensor
   * @param x2 the second tensor
   * @param expandRank1 whether a rank-1 tensor may be expanded
   * @return the two tensors, of the same rank
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

  /**
   * {@code log(1 + exp(x))}, computed as {@code max(x, 0) + log1p(exp(-|x|))}; its derivative is sigmoid(x).
   *
   * @param a the input
   * @return the softplus of {@code a}
   */
  public static Tensor softplus(Tensor a) {
    INDArray x = a.value();
    INDArray out = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false)
        .addi(Transforms.relu(x, true));
    return recordOp(OpDesc.of("softplus"), out, g -> new INDArray[] {g.mul(Transforms.sigmoid(x, true))}, a);
  }

  /**
   * Keras's crossentropy of probabilities over the last axis, per row:
   * {@code -sum(t * log(clip(p / sum(p), eps, 1 - eps)))}. One op computed row by row (the
   * composed form is a dozen ND4J calls on tiny arrays); the gradient flows to both {@code t}
   * and {@code p}, and not through clipped entries, as in the composed form.
   *
   * @param target the targets
   * @param probabilities the predicted probabilities
   * @return the crossentropy per row
   */
  public static Tensor categoricalCrossentropy(Tensor target, Tensor probabilities) {
    INDArray tArr = target.value();
    INDArray pArr = probabilities.value();
    long[] shape = pArr.shape();
    int k = (int) shape[shape.length - 1];
    int rows = k == 0 ? 0 : (int) (pArr.length() / k);
    double[] t = hostValues(tArr);
    double[] p = hostValues(pArr);
    double[] sums = new double[rows];
    double[] logQ = new double[p.length];
    double[] loss = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = r * k; j < (r + 1) * k; j++) {
        s += p[j];
      }
      sums[r] = s;
      double l = 0;
      for (int j = r * k; j < (r + 1) * k; j++) {
        logQ[j] = Math.log(Math.min(Math.max(p[j] / s, EPSILON), 1.0 - EPSILON));
        l -= t[j] * logQ[j];
      }
      loss[r] = l;
    }
    long[] rowShape = Arrays.copyOf(shape, shape.length - 1);
    INDArray out = hostArray(loss, rowShape, pArr.dataType());
    return recordOp(out, g -> {
      double[] up = hostValues(g);
      double[] gt = new double[t.length];
      double[] gp = new double[p.length];
      for (int r = 0; r < rows; r++) {
        double s = sums[r];
        double dot = 0;
        for (int j = r * k; j < (r + 1) * k; j++) {
          gt[j] = -up[r] * logQ[j];
          double n = p[j] / s;
          // d loss / d n: zero where the clip was active (Keras's clip passes the boundary itself).
          double c = n >= EPSILON && n <= 1.0 - EPSILON ? -up[r] * t[j] / n : 0.0;
          gp[j] = c;
          dot += c * n;
        }
        for (int j = r * k; j < (r + 1) * k; j++) {
          gp[j] = (gp[j] - dot) / s;
        }
      }
      return new INDArray[] {hostArray(gt, shape, tArr.dataType()), hostArray(gp, shape, pArr.dataType())};
    }, target, probabilities);
  }

  /** The elements of {@code a} in c order, as doubles. */
  private static double[] hostValues(INDArray a) {
    return (a.offset() == 0 && a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)
        && a.data().length() == a.length() ? a : a.dup('c')).data().asDouble();
  }

  private static INDArray hostArray(double[] values, long[] shape, DataType dtype) {
    if (dtype == DataType.DOUBLE) {
      return Nd4j.create(values, shape, 'c');
    }
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return Nd4j.create(f, shape, 'c').castTo(dtype);
  }

  /**
   * Keras's L2 {@code normalize}: {@code x * rsqrt(max(sum(x^2, axis), epsilon^2))}.
   *
   * @param x the input
   * @param axis the axis to normalize along
   * @return the normalized tensor
   */
  public static Tensor l2Normalize(Tensor x, int axis) {
    Tensor squareSum = ReduceOps.sum(MathOps.square(x), true, axis);
    Tensor floor = MathOps.fullLike(squareSum, EPSILON * EPSILON);
    return MathOps.mul(x, MathOps.pow(MathOps.maximum(squareSum, floor), -0.5));
  }

  /**
   * A constant one-hot array of {@code shape} along {@code axis}, with ones at the integer class
   * indices {@code labels} (shaped like {@code shape} without {@code axis}).
   *
   * @param labels the integer class indices
   * @param shape the shape of the result
   * @param axis the class axis
   * @param dtype the result's dtype
   * @return the one-hot array
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
      throw new IllegalArgumentException("Labels of shape " + Arrays.toString(labels.shape())
          + " do not match predictions of shape " + Arrays.toString(shape) + " without axis " + axis);
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
