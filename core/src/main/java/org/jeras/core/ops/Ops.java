package org.jeras.core.ops;

import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One namespace for Jeras's ops, named as {@code keras.ops} names them in camelCase
 * ({@code Ops.divide(x, 3)}, {@code Ops.matmul(a, b)}, {@code Ops.softmax(x)}), with Keras's
 * argument order and defaults; a Java number stands for a Python scalar. Every entry delegates to
 * Jeras's op classes ({@link MathOps}, {@link NnOps}, {@link ReduceOps}, {@link ArrayOps}, ...),
 * so it records gradients and traces as they do. The entries are declared, by topic, in the
 * classes this one extends (element-wise math, arrays and reductions, activations, layer math),
 * and are all reached as {@code Ops.name}.
 */
public final class Ops extends OpsNn {
  private Ops() {}

  /**
   * A float32 constant of zeros shaped {@code shape}.
   *
   * @param shape the shape
   * @return the result
   */
  public static Tensor zeros(long... shape) {
    return full(shape, 0);
  }

  /**
   * A float32 constant of ones shaped {@code shape}.
   *
   * @param shape the shape
   * @return the result
   */
  public static Tensor ones(long... shape) {
    return full(shape, 1);
  }

  /**
   * A float32 constant of {@code fillValue} shaped {@code shape}.
   *
   * @param shape the shape
   * @param fillValue the fill value
   * @return the result
   */
  public static Tensor full(long[] shape, double fillValue) {
    TensorLimit.check("the output of full", shape, DType.FLOAT32);
    return Tensor.of(Nd4j.valueArrayOf(shape, fillValue, DType.FLOAT32.nd4j()));
  }

  /**
   * Keras's {@code convert_to_tensor}: {@code x} as a tensor (no copy).
   *
   * @param x the input
   * @return the result
   */
  public static Tensor convertToTensor(INDArray x) {
    return Tensor.of(x);
  }

  /**
   * Keras's {@code convert_to_numpy}: the array of a concrete tensor.
   *
   * @param x the input
   * @return the result
   */
  public static INDArray convertToNumpy(Tensor x) {
    return x.value();
  }

  /**
   * {@code x} with no gradient flowing back through it.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor stopGradient(Tensor x) {
    return x.stopGradient();
  }

  /**
   * Whether {@code x} is a Jeras tensor.
   *
   * @param x the input
   * @return the result
   */
  public static boolean isTensor(Object x) {
    return x instanceof Tensor;
  }

  /**
   * The shape of {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static Shape shape(Tensor x) {
    return x.shape();
  }

  /**
   * The number of axes of {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static int ndim(Tensor x) {
    return x.rank();
  }

  /**
   * The number of elements of {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static long size(Tensor x) {
    return x.shape().size();
  }

  /**
   * The dtype of {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static DType dtype(Tensor x) {
    return x.dtype();
  }
}
