package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Differentiable normalization math shared by the normalization layers (Keras's {@code ops.moments} and friends). */
public final class NormOps {
  private NormOps() {}

  /**
   * {@return mean and biased variance of {@code x} over {@code axes} (Keras's {@code ops.moments}), both
   * differentiable}
   *
   * @param x the input
   * @param keepDims whether to keep the reduced axes with size 1
   * @param axes the axes, negative from the end
   */
  public static Tensor[] moments(Tensor x, boolean keepDims, int... axes) {
    Tensor mean = ReduceOps.mean(x, true, axes);
    Tensor variance = ReduceOps.mean(MathOps.square(MathOps.sub(x, mean)), keepDims, axes);
    return new Tensor[] {keepDims ? mean : ArrayOps.reshape(mean, variance.shape().dims()), variance};
  }

  /**
   * {@return {@code (x - mean) / sqrt(var + epsilon)} with mean and biased variance over {@code axes}, as one
   * op} Its backward is {@code inv * (g - mean(g) - y * mean(g * y))}, the derivative through the
   * batch statistics included.
   *
   * @param x the input
   * @param epsilon the small constant for numerical stability
   * @param axes the axes, negative from the end
   */
  public static Tensor standardize(Tensor x, double epsilon, int... axes) {
    INDArray v = x.value();
    int[] ax = ReduceOps.axes(v.rank(), axes);
    INDArray centered = v.sub(v.mean(true, ax));
    INDArray inv = Transforms.pow(centered.mul(centered).mean(true, ax).addi(epsilon), -0.5, false);
    INDArray y = centered.muli(inv);
    return recordOp(OpDesc.of("standardize", "axes", ax.clone(), "epsilon", epsilon), y, g -> {
      INDArray meanG = g.mean(true, ax);
      INDArray meanGy = g.mul(y).mean(true, ax);
      return new INDArray[] {g.sub(meanG).subi(y.mul(meanGy)).muli(inv)};
    }, x);
  }

  /**
   * {@return Keras's {@code ops.batch_normalization}: {@code (x - mean) * rsqrt(variance + epsilon) * scale + offset},
   * the per-channel vectors laid along {@code axis}; {@code offset} and {@code scale} may be null}
   *
   * @param x the input
   * @param mean the mean
   * @param variance the variance
   * @param axis the axis, negative from the end
   * @param offset the offset, or null
   * @param scale the scale, or null
   * @param epsilon the small constant for numerical stability
   */
  public static Tensor batchNormalization(Tensor x, Tensor mean, Tensor variance, int axis, Tensor offset,
      Tensor scale, double epsilon) {
    int rank = x.rank();
    int ax = axis < 0 ? axis + rank : axis;
    long[] shape = new long[rank];
    Arrays.fill(shape, 1);
    shape[ax] = x.shape().get(ax);
    Tensor inv = MathOps.pow(MathOps.add(ArrayOps.reshape(variance, shape), epsilon), -0.5);
    if (scale != null) {
      inv = MathOps.mul(inv, ArrayOps.reshape(scale, shape));
    }
    Tensor y = MathOps.mul(MathOps.sub(x, ArrayOps.reshape(mean, shape)), inv);
    return offset == null ? y : MathOps.add(y, ArrayOps.reshape(offset, shape));
  }

  /**
   * {@return Keras's {@code ops.normalize(x, axis, order=2)}: {@code x * rsqrt(max(sum(x^2), epsilon^2))}
   * over {@code axes}}
   *
   * @param x the input
   * @param epsilon the small constant for numerical stability
   * @param axes the axes, negative from the end
   */
  public static Tensor l2Normalize(Tensor x, double epsilon, int... axes) {
    Tensor squareSum = ReduceOps.sum(MathOps.square(x), true, axes);
    Tensor floor = MathOps.fullLike(squareSum, epsilon * epsilon);
    return MathOps.mul(x, MathOps.pow(MathOps.maximum(squareSum, floor), -0.5));
  }
}
