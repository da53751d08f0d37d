package org.jeras.core.ops;

import org.jeras.core.tensor.Tensor;

/**
 * The activation part of {@link Ops} ({@code keras.ops.nn}'s activations and {@code tanh}), with
 * Keras's default arguments, delegating to {@link NnOps}. Use these through {@link Ops}.
 */
abstract class OpsActivations extends OpsArrays {
  OpsActivations() {}

  /**
   * {@code max(x, 0)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor relu(Tensor x) {
    return NnOps.relu(x);
  }

  /**
   * {@code min(max(x, 0), 6)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor relu6(Tensor x) {
    return NnOps.relu6(x);
  }

  /**
   * {@code 1 / (1 + exp(-x))}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor sigmoid(Tensor x) {
    return NnOps.sigmoid(x);
  }

  /**
   * Hyperbolic tangent.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor tanh(Tensor x) {
    return NnOps.tanh(x);
  }

  /**
   * Softmax along the last axis.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor softmax(Tensor x) {
    return NnOps.softmax(x, -1);
  }

  /**
   * Softmax along {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor softmax(Tensor x, int axis) {
    return NnOps.softmax(x, axis);
  }

  /**
   * Log-softmax along the last axis.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor logSoftmax(Tensor x) {
    return NnOps.logSoftmax(x, -1);
  }

  /**
   * Log-softmax along {@code axis}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor logSoftmax(Tensor x, int axis) {
    return NnOps.logSoftmax(x, axis);
  }

  /**
   * Leaky ReLU with Keras's default negative slope, 0.2.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor leakyRelu(Tensor x) {
    return NnOps.leakyRelu(x, 0.2);
  }

  /**
   * {@code x} where {@code x >= 0}, else {@code negativeSlope * x}.
   *
   * @param x the input
   * @param negativeSlope the {@code negativeSlope} argument, as in Keras
   * @return the result
   */
  public static Tensor leakyRelu(Tensor x, double negativeSlope) {
    return NnOps.leakyRelu(x, negativeSlope);
  }

  /**
   * ELU with {@code alpha = 1}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor elu(Tensor x) {
    return NnOps.elu(x, 1.0);
  }

  /**
   * {@code alpha * (exp(x) - 1)} for {@code x < 0}, else {@code x}.
   *
   * @param x the input
   * @param alpha the slope or scale, as in Keras
   * @return the result
   */
  public static Tensor elu(Tensor x, double alpha) {
    return NnOps.elu(x, alpha);
  }

  /**
   * Scaled ELU.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor selu(Tensor x) {
    return NnOps.selu(x);
  }

  /**
   * {@code log(1 + exp(x))}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor softplus(Tensor x) {
    return NnOps.softplus(x);
  }

  /**
   * {@code x / (1 + |x|)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor softsign(Tensor x) {
    return NnOps.softsign(x);
  }

  /**
   * Soft shrinkage with Keras's default threshold, 0.5.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor softShrink(Tensor x) {
    return NnOps.softShrink(x, 0.5);
  }

  /**
   * {@code x - threshold} above it, {@code x + threshold} below {@code -threshold}, else 0.
   *
   * @param x the input
   * @param threshold the {@code threshold} argument, as in Keras
   * @return the result
   */
  public static Tensor softShrink(Tensor x, double threshold) {
    return NnOps.softShrink(x, threshold);
  }

  /**
   * Hard shrinkage with Keras's default threshold, 0.5.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor hardShrink(Tensor x) {
    return NnOps.hardShrink(x, 0.5);
  }

  /**
   * {@code x} where {@code |x| > threshold}, else 0.
   *
   * @param x the input
   * @param threshold the {@code threshold} argument, as in Keras
   * @return the result
   */
  public static Tensor hardShrink(Tensor x, double threshold) {
    return NnOps.hardShrink(x, threshold);
  }

  /**
   * {@code x - tanh(x)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor tanhShrink(Tensor x) {
    return NnOps.tanhShrink(x);
  }

  /**
   * {@code clip(x, -1, 1)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor hardTanh(Tensor x) {
    return NnOps.hardTanh(x);
  }

  /**
   * {@code x} where {@code x > threshold}, else {@code defaultValue}.
   *
   * @param threshold the {@code threshold} argument, as in Keras
   * @param x the input
   * @param defaultValue the {@code defaultValue} argument, as in Keras
   * @return the result
   */
  public static Tensor threshold(Tensor x, double threshold, double defaultValue) {
    return NnOps.threshold(x, threshold, defaultValue);
  }

  /**
   * Keras's sparse plus: 0, {@code (x + 1)^2 / 4}, or {@code x}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor sparsePlus(Tensor x) {
    return NnOps.sparsePlus(x);
  }

  /**
   * Keras's sparse sigmoid: 0, {@code (x + 1) / 2}, or 1.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor sparseSigmoid(Tensor x) {
    return NnOps.sparseSigmoid(x);
  }

  /**
   * {@code x * sigmoid(x)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor silu(Tensor x) {
    return NnOps.silu(x);
  }

  /**
   * Keras's {@code swish}: {@link #silu}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor swish(Tensor x) {
    return NnOps.silu(x);
  }

  /**
   * Squareplus with Keras's default {@code b = 4}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor squareplus(Tensor x) {
    return NnOps.squareplus(x, 4);
  }

  /**
   * {@code (x + sqrt(x^2 + b)) / 2}.
   *
   * @param x the input
   * @param b the second operand
   * @return the result
   */
  public static Tensor squareplus(Tensor x, double b) {
    return NnOps.squareplus(x, b);
  }

  /**
   * GELU in its tanh approximation, {@code keras.ops.gelu}'s default.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor gelu(Tensor x) {
    return NnOps.gelu(x, true);
  }

  /**
   * GELU, exact (through erf) unless {@code approximate}.
   *
   * @param x the input
   * @param approximate the {@code approximate} argument, as in Keras
   * @return the result
   */
  public static Tensor gelu(Tensor x, boolean approximate) {
    return NnOps.gelu(x, approximate);
  }

  /**
   * CELU with {@code alpha = 1}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor celu(Tensor x) {
    return NnOps.celu(x, 1.0);
  }

  /**
   * {@code max(x, 0) + alpha * (exp(min(x, 0) / alpha) - 1)}.
   *
   * @param x the input
   * @param alpha the slope or scale, as in Keras
   * @return the result
   */
  public static Tensor celu(Tensor x, double alpha) {
    return NnOps.celu(x, alpha);
  }

  /**
   * Gated linear unit over the last axis.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor glu(Tensor x) {
    return NnOps.glu(x, -1);
  }

  /**
   * Gated linear unit: halves {@code a, b} of {@code axis}, {@code a * sigmoid(b)}.
   *
   * @param x the input
   * @param axis the axis
   * @return the result
   */
  public static Tensor glu(Tensor x, int axis) {
    return NnOps.glu(x, axis);
  }

  /**
   * {@code relu6(x + 3) / 6}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor hardSigmoid(Tensor x) {
    return NnOps.hardSigmoid(x);
  }

  /**
   * {@code x * hard_sigmoid(x)}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor hardSilu(Tensor x) {
    return NnOps.hardSilu(x);
  }

  /**
   * Keras's {@code hard_swish}: {@link #hardSilu}.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor hardSwish(Tensor x) {
    return NnOps.hardSilu(x);
  }

  /**
   * {@code log(sigmoid(x))}, computed stably.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor logSigmoid(Tensor x) {
    return NnOps.logSigmoid(x);
  }

  /**
   * Sparsemax over the last axis.
   *
   * @param x the input
   * @return the result
   */
  public static Tensor sparsemax(Tensor x) {
    return NnOps.sparsemax(x, -1);
  }

  /**
   * Sparsemax over {@code axis}.
   *
   * @param x the input
    * @param axis the axis
    * @return the result
   */
  public static Tensor sparsemax(Tensor x, int axis) {
    return NnOps.sparsemax(x, axis);
  }
}
