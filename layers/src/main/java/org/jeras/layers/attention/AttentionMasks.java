package org.jeras.layers.attention;

import org.jeras.core.ops.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Attention masks as 0/1 float64 arrays (1 = attend), combined by broadcasting like Keras's boolean masks. */
final class AttentionMasks {
  private AttentionMasks() {}

  /** A Keras mask (boolean or numeric, nonzero = keep) as 0/1. */
  static INDArray bool(INDArray mask) {
    return (mask.dataType() == DataType.BOOL ? mask : mask.neq(0)).castTo(DataType.DOUBLE);
  }

  /** {@code a & b} with broadcasting; a null operand counts as all-true. */
  static INDArray and(INDArray a, INDArray b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    long[] shape = Broadcast.shape(a.shape(), b.shape());
    return Broadcast.to(a, shape).mul(Broadcast.to(b, shape));
  }

  /** {@code m} with a size-1 axis inserted at {@code axis} (negative counts from the end of the result). */
  static INDArray expand(INDArray m, int axis) {
    long[] s = m.shape();
    int at = axis < 0 ? axis + s.length + 1 : axis;
    long[] out = new long[s.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == at ? 1 : s[j++];
    }
    return m.reshape(out);
  }

  /** The causal mask {@code (1, t, s)}: query i attends to keys j <= i. */
  static INDArray causal(long t, long s) {
    INDArray m = Nd4j.zeros(DataType.DOUBLE, 1, t, s);
    for (long i = 0; i < t; i++) {
      for (long j = 0; j <= Math.min(i, s - 1); j++) {
        m.putScalar(new long[] {0, i, j}, 1.0);
      }
    }
    return m;
  }

  /** The sliding-window band {@code (1, t, s)}: {@code |i - j| < window}. */
  static INDArray band(long t, long s, int window) {
    INDArray m = Nd4j.zeros(DataType.DOUBLE, 1, t, s);
    for (long i = 0; i < t; i++) {
      for (long j = 0; j < s; j++) {
        if (Math.abs(i - j) < window) {
          m.putScalar(new long[] {0, i, j}, 1.0);
        }
      }
    }
    return m;
  }
}
