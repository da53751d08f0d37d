package org.jeras.core.ops;

import java.util.Arrays;
import java.util.Locale;
import org.jeras.core.losses.BinaryCrossentropy;
import org.jeras.core.losses.CategoricalCrossentropy;
import org.jeras.core.losses.LossOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer-math part of {@link Ops} ({@code keras.ops.nn}'s convolutions, pooling,
 * normalizations, one-hot and crossentropies) on channels_last tensors, with Keras's argument
 * order and defaults, delegating to {@link ConvOps}, {@link PoolOps}, {@link NormOps},
 * {@link LossOps} and the crossentropy losses' kernels. Use these through {@link Ops}.
 */
abstract class OpsNn extends OpsActivations {
  OpsNn() {}

  private static int[] repeated(int value, int times) {
    int[] out = new int[times];
    Arrays.fill(out, value);
    return out;
  }

  private static int spatialRank(Tensor inputs) {
    return Math.max(inputs.rank() - 2, 1);
  }

  /** The explicit zeros of Keras's padding name for a window of {@code window} over {@code inputs}. */
  private static int[][] pads(String op, Tensor inputs, Tensor kernel, int[] window, int[] strides, String padding,
      int[] dilation) {
    Checks.spatial(op, inputs.value(), kernel == null ? null : kernel.value(), strides, null, dilation);
    if (window.length != strides.length) {
      throw new OpShapeException(op + ": expected " + strides.length + " window sizes, got " + window.length);
    }
    return ConvOps.explicitPads(padding.toLowerCase(Locale.ROOT), inputs.value().shape(), window, strides, dilation);
  }

  private static int[] kernelWindow(Tensor kernel, int r) {
    int[] k = new int[Math.min(r, kernel.rank())];
    for (int d = 0; d < k.length; d++) {
      k[d] = Math.toIntExact(kernel.shape().get(d));
    }
    return k;
  }

  /**
   * Convolution with stride 1 and {@code "valid"} padding.
   *
   * @param inputs the inputs
   * @param kernel the kernel
   * @return the result
   */
  public static Tensor conv(Tensor inputs, Tensor kernel) {
    return conv(inputs, kernel, 1, "valid", 1);
  }

  /**
   * Convolution with one stride and dilation for every spatial axis.
   *
   * @param inputs the inputs
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @param dilationRate the dilation of each spatial axis
   * @return the result
   */
  public static Tensor conv(Tensor inputs, Tensor kernel, int strides, String padding, int dilationRate) {
    int r = spatialRank(inputs);
    return conv(inputs, kernel, repeated(strides, r), padding, repeated(dilationRate, r));
  }

  /**
   * Convolution (cross-correlation) of {@code inputs [N, s.., Cin]} with {@code kernel [k.., Cin/groups, Cout]},
   * {@code padding} {@code "valid"} or {@code "same"}; the groups are {@code Cin} over the kernel's input channels.
    *
    * @param inputs the inputs
    * @param kernel the kernel
    * @param strides the stride of each spatial axis
    * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
    * @param dilationRate the dilation of each spatial axis
    * @return the result
   */
  public static Tensor conv(Tensor inputs, Tensor kernel, int[] strides, String padding, int[] dilationRate) {
    int r = spatialRank(inputs);
    int[][] p = pads("conv", inputs, kernel, kernelWindow(kernel, r), strides, padding, dilationRate);
    long kernelIn = kernel.shape().get(r);
    long groups = kernelIn == 0 ? 1 : Math.max(1, inputs.shape().get(-1) / kernelIn);
    return ConvOps.conv(inputs, kernel, strides, p, dilationRate, Math.toIntExact(groups));
  }

  /**
   * Depthwise convolution with one stride and dilation for every spatial axis.
   *
   * @param inputs the inputs
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @param dilationRate the dilation of each spatial axis
   * @return the result
   */
  public static Tensor depthwiseConv(Tensor inputs, Tensor kernel, int strides, String padding, int dilationRate) {
    int r = spatialRank(inputs);
    return depthwiseConv(inputs, kernel, repeated(strides, r), padding, repeated(dilationRate, r));
  }

  /**
   * Depthwise convolution of {@code inputs [N, s.., C]} with {@code kernel [k.., C, multiplier]}.
   *
   * @param inputs the inputs
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @param dilationRate the dilation of each spatial axis
   * @return the result
   */
  public static Tensor depthwiseConv(Tensor inputs, Tensor kernel, int[] strides, String padding, int[] dilationRate) {
    int r = spatialRank(inputs);
    int[][] p = pads("depthwise_conv", inputs, kernel, kernelWindow(kernel, r), strides, padding, dilationRate);
    return ConvOps.depthwiseConv(inputs, kernel, strides, p, dilationRate);
  }

  /**
   * Transposed convolution with one stride for every spatial axis, no output padding, dilation 1.
   *
   * @param inputs the inputs
   * @param kernel the kernel
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @return the result
   */
  public static Tensor convTranspose(Tensor inputs, Tensor kernel, int strides, String padding) {
    int r = spatialRank(inputs);
    return convTranspose(inputs, kernel, repeated(strides, r), padding, null, repeated(1, r));
  }

  /**
   * Transposed convolution of {@code inputs [N, s.., Cin]} with Keras's kernel {@code [k.., Cout, Cin]};
   * {@code outputPadding} may be null (Keras's {@code None}).
    *
    * @param inputs the inputs
    * @param kernel the kernel
    * @param strides the stride of each spatial axis
    * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
    * @param outputPadding the {@code outputPadding} argument, as in Keras
    * @param dilationRate the dilation of each spatial axis
    * @return the result
   */
  public static Tensor convTranspose(Tensor inputs, Tensor kernel, int[] strides, String padding, int[] outputPadding,
      int[] dilationRate) {
    int r = spatialRank(inputs);
    int[] k = kernelWindow(kernel, r);
    String pad = padding.toLowerCase(Locale.ROOT);
    pads("conv_transpose", inputs, kernel, k, strides, pad, dilationRate);
    if (outputPadding != null && outputPadding.length != r) {
      throw new OpShapeException("conv_transpose: expected " + r + " output paddings, got " + outputPadding.length);
    }
    long[] outSpatial = new long[r];
    int[] padBefore = new int[r];
    for (int d = 0; d < r; d++) {
      Integer op = outputPadding == null ? null : outputPadding[d];
      outSpatial[d] = ConvOps.transposeOutputLength(inputs.shape().get(d + 1), k[d], strides[d], dilationRate[d], pad, op);
      padBefore[d] = ConvOps.transposePadBefore(k[d], strides[d], dilationRate[d], pad, op);
    }
    return ConvOps.convTranspose(inputs, kernel, strides, outSpatial, padBefore, dilationRate);
  }

  /**
   * Max pooling with strides equal to the window and {@code "valid"} padding.
   *
   * @param inputs the inputs
   * @param poolSize the pooling window on each spatial axis
   * @return the result
   */
  public static Tensor maxPool(Tensor inputs, int poolSize) {
    return maxPool(inputs, poolSize, poolSize, "valid");
  }

  /**
   * Max pooling with one window size and stride for every spatial axis.
   *
   * @param inputs the inputs
   * @param poolSize the pooling window on each spatial axis
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @return the result
   */
  public static Tensor maxPool(Tensor inputs, int poolSize, int strides, String padding) {
    int r = spatialRank(inputs);
    return maxPool(inputs, repeated(poolSize, r), repeated(strides, r), padding);
  }

  /**
   * Max pooling of channels_last {@code inputs}.
   *
   * @param inputs the inputs
   * @param poolSize the pooling window on each spatial axis
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @return the result
   */
  public static Tensor maxPool(Tensor inputs, int[] poolSize, int[] strides, String padding) {
    int[][] p = pads("max_pool", inputs, null, poolSize, strides, padding, repeated(1, strides.length));
    return PoolOps.maxPool(inputs, poolSize, strides, p);
  }

  /**
   * Average pooling with strides equal to the window and {@code "valid"} padding.
   *
   * @param inputs the inputs
   * @param poolSize the pooling window on each spatial axis
   * @return the result
   */
  public static Tensor averagePool(Tensor inputs, int poolSize) {
    return averagePool(inputs, poolSize, poolSize, "valid");
  }

  /**
   * Average pooling with one window size and stride for every spatial axis.
   *
   * @param inputs the inputs
   * @param poolSize the pooling window on each spatial axis
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @return the result
   */
  public static Tensor averagePool(Tensor inputs, int poolSize, int strides, String padding) {
    int r = spatialRank(inputs);
    return averagePool(inputs, repeated(poolSize, r), repeated(strides, r), padding);
  }

  /**
   * Average pooling of channels_last {@code inputs} over the real (unpadded) elements of each window.
   *
   * @param inputs the inputs
   * @param poolSize the pooling window on each spatial axis
   * @param strides the stride of each spatial axis
   * @param padding Keras's {@code padding}, {@code "valid"} or {@code "same"}
   * @return the result
   */
  public static Tensor averagePool(Tensor inputs, int[] poolSize, int[] strides, String padding) {
    int[][] p = pads("average_pool", inputs, null, poolSize, strides, padding, repeated(1, strides.length));
    return PoolOps.avgPool(inputs, poolSize, strides, p);
  }

  /**
   * Mean and biased variance over {@code axes}.
   *
   * @param x the input
   * @param axes the axes
   * @return the result
   */
  public static Tensor[] moments(Tensor x, int[] axes) {
    return NormOps.moments(x, false, axes);
  }

  /**
   * Mean and biased variance over {@code axes}, kept as size 1 when {@code keepdims}.
   *
   * @param x the input
   * @param axes the axes
   * @param keepdims whether reduced axes stay with size 1
   * @return the result
   */
  public static Tensor[] moments(Tensor x, int[] axes, boolean keepdims) {
    return NormOps.moments(x, keepdims, axes);
  }

  /**
   * {@code (x - mean) / sqrt(variance + 1e-3)}, the statistics laid along {@code axis}.
   *
   * @param x the input
   * @param mean the mean
   * @param variance the variance
   * @param axis the axis
   * @return the result
   */
  public static Tensor batchNormalization(Tensor x, Tensor mean, Tensor variance, int axis) {
    return NormOps.batchNormalization(x, mean, variance, axis, null, null, 1e-3);
  }

  /**
   * {@code (x - mean) / sqrt(variance + epsilon) * scale + offset}; offset and scale may be null.
   *
   * @param x the input
   * @param mean the mean
   * @param variance the variance
   * @param axis the axis
   * @param offset the {@code offset} argument, as in Keras
   * @param scale the {@code scale} argument, as in Keras
   * @param epsilon the small constant added for stability
   * @return the result
   */
  public static Tensor batchNormalization(Tensor x, Tensor mean, Tensor variance, int axis, Tensor offset,
      Tensor scale, double epsilon) {
    return NormOps.batchNormalization(x, mean, variance, axis, offset, scale, epsilon);
  }

  /**
   * L2 normalization over the last axis: {@code x * rsqrt(max(sum(x^2), 1e-14))}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor normalize(Tensor x) {
    return NormOps.l2Normalize(x, LossOps.EPSILON, -1);
  }

  /**
   * L2 normalization over {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor normalize(Tensor x, int axis) {
    return NormOps.l2Normalize(x, LossOps.EPSILON, axis);
  }

  /**
   * Float32 one-hot vectors of the integer labels {@code x} on a new last axis.
   *
   * @param x the input
   * @param numClasses the number of classes
   * @return the result
   */
  public static Tensor oneHot(Tensor x, int numClasses) {
    return oneHot(x, numClasses, -1);
  }

  /**
   * Float32 one-hot vectors of the integer labels {@code x} on a new {@code axis}; a label outside the classes is refused.
   *
   * @param x the input
   * @param numClasses the number of classes
   * @param axis the axis
   * @return the result
   */
  public static Tensor oneHot(Tensor x, int numClasses, int axis) {
    long[] in = x.value().shape();
    int ax = axis < 0 ? axis + in.length + 1 : axis;
    if (ax < 0 || ax > in.length) {
      throw new OpShapeException("one_hot: axis " + axis + " is out of bounds for labels of rank " + in.length);
    }
    long[] shape = new long[in.length + 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      shape[i] = i == ax ? numClasses : in[j++];
    }
    INDArray out = LossOps.oneHot(x.value(), shape, ax, DType.FLOAT32.nd4j());
    return Tensor.of(out);
  }

  /**
   * Crossentropy of probabilities {@code output} against {@code target} over the last axis.
   *
   * @param target the targets
   * @param output the predictions
   * @return the result
   */
  public static Tensor categoricalCrossentropy(Tensor target, Tensor output) {
    return categoricalCrossentropy(target, output, false);
  }

  /**
   * Crossentropy over the last axis: {@code -sum(target * log(p))} with {@code p} the normalized,
   * clipped {@code output}, or {@code log_softmax(output)} when {@code fromLogits}.
    *
    * @param target the targets
    * @param output the predictions
    * @param fromLogits whether the predictions are logits
    * @return the result
   */
  public static Tensor categoricalCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
    if (!fromLogits && output.dtype().isFloating()) {
      return LossOps.categoricalCrossentropy(MathOps.cast(target, output.dtype()), output);
    }
    return MathOps.neg(ReduceOps.sum(MathOps.mul(target, CategoricalCrossentropy.logProbabilities(output, fromLogits, -1)),
        false, -1));
  }

  /**
   * Crossentropy of probabilities {@code output} against integer class labels {@code target}.
   *
   * @param target the targets
   * @param output the predictions
   * @return the result
   */
  public static Tensor sparseCategoricalCrossentropy(Tensor target, Tensor output) {
    return sparseCategoricalCrossentropy(target, output, false);
  }

  /**
   * {@link #categoricalCrossentropy(Tensor, Tensor, boolean)} of the one-hot labels {@code target}
   * (a trailing axis of size 1 is dropped when the ranks are equal).
    *
    * @param target the targets
    * @param output the predictions
    * @param fromLogits whether the predictions are logits
    * @return the result
   */
  public static Tensor sparseCategoricalCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
    INDArray labels = target.value();
    if (labels.rank() == output.rank() && labels.rank() > 0 && labels.size(-1) == 1) {
      labels = labels.reshape(Arrays.copyOf(labels.shape(), labels.rank() - 1));
    }
    INDArray oneHot = LossOps.oneHot(labels, output.value().shape(), -1, output.value().dataType());
    return categoricalCrossentropy(Tensor.of(oneHot), output, fromLogits);
  }

  /**
   * Element-wise binary crossentropy of probabilities {@code output} (clipped) against {@code target}.
   *
   * @param target the targets
   * @param output the predictions
   * @return the result
   */
  public static Tensor binaryCrossentropy(Tensor target, Tensor output) {
    return BinaryCrossentropy.elementwise(target, output, false);
  }

  /**
   * Element-wise binary crossentropy; {@code output} holds logits when {@code fromLogits}.
   *
   * @param target the targets
   * @param output the predictions
   * @param fromLogits whether the predictions are logits
   * @return the result
   */
  public static Tensor binaryCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
    return BinaryCrossentropy.elementwise(target, output, fromLogits);
  }
}
