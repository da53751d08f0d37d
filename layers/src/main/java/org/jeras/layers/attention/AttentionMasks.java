package org.jeras.layers.attention;

import org.jeras.core.graph.Tracer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Attention masks as 0/1 float64 tensors (1 = attend), combined by broadcasting like Keras's
 * boolean masks. Built by ops from the masks they come from, so a traced graph computes them; the
 * causal and sliding-window masks depend on sizes only and are literals.
 */
final class AttentionMasks {
  private AttentionMasks() {}

  /** A Keras mask (boolean or numeric, nonzero = keep) as 0/1. */
  static Tensor bool(Tensor mask) {
    Tensor b = mask.dtype() == DType.BOOL ? mask : MathOps.notEqual(mask, 0);
    return MathOps.cast(b, DType.FLOAT64);
  }

  /** {@code a & b} with broadcasting; a null operand counts as all-true. */
  static Tensor and(Tensor a, Tensor b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return MathOps.mul(a, b);
  }

  /** {@code m} with a size-1 axis inserted at {@code axis} (negative counts from the end of the result). */
  static Tensor expand(Tensor m, int axis) {
    return ArrayOps.expandDims(m, axis);
  }

  /** The causal mask {@code (1, t, s)}: query i attends to keys j <= i. */
  static Tensor causal(long t, long s) {
    INDArray m = Nd4j.zeros(DataType.DOUBLE, 1, t, s);
    for (long i = 0; i < t; i++) {
      for (long j = 0; j <= Math.min(i, s - 1); j++) {
        m.putScalar(new long[] {0, i, j}, 1.0);
      }
    }
    return Tracer.literal(Tensor.of(m));
  }

  /** The sliding-window band {@code (1, t, s)}: {@code |i - j| < window}. */
  static Tensor band(long t, long s, int window) {
    INDArray m = Nd4j.zeros(DataType.DOUBLE, 1, t, s);
    for (long i = 0; i < t; i++) {
      for (long j = 0; j < s; j++) {
        if (Math.abs(i - j) < window) {
          m.putScalar(new long[] {0, i, j}, 1.0);
        }
      }
    }
    return Tracer.literal(Tensor.of(m));
  }

  /**
   * The masking of Keras's {@code ops.dot_product_attention}: masked-out scores become a large
   * negative number ({@code -0.7} times the dtype's largest value, as jax's) and nothing is zeroed
   * after the softmax, so a row with every position masked attends uniformly. The mask gets size-1
   * axes at {@code expandAxis} until it has the scores' rank.
   */
  static Tensor fillMasked(Tensor scores, Tensor mask, int expandAxis) {
    if (mask == null) {
      return scores;
    }
    while (mask.rank() < scores.rank()) {
      mask = expand(mask, expandAxis);
    }
    double large = -0.7 * switch (scores.dtype()) {
      case FLOAT16 -> 65504.0;
      case BFLOAT16 -> 3.3895313892515355e38;
      case FLOAT64 -> Double.MAX_VALUE;
      default -> Float.MAX_VALUE;
    };
    return MathOps.where(mask, scores, Tracer.literal(Tensor.of(Nd4j.scalar(scores.value().dataType(), large))));
  }
}
