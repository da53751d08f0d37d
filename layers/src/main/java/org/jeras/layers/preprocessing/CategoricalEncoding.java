package org.jeras.layers.preprocessing;

import java.util.Arrays;
import org.jeras.core.config.ConfigException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code encode_categorical_inputs}, shared by the index-producing preprocessing layers:
 * {@code int} returns the indices; {@code one_hot} appends a {@code depth} axis (dropping a
 * trailing axis of size 1); {@code multi_hot} and {@code count} mark or count each index per
 * sample (a rank-1 input is one sample; for rank 2 and above, axis 1 is reduced);
 * {@code tf_idf} is {@code count} times per-token weights. Indices outside {@code [0, depth)}
 * contribute nothing.
 */
final class CategoricalEncoding {
  private CategoricalEncoding() {}

  /** The output modes a layer accepts, checked with a typed error naming {@code output_mode}. */
  static String checkMode(String layer, String mode, String... allowed) {
    for (String a : allowed) {
      if (a.equals(mode)) {
        return mode;
      }
    }
    throw new ConfigException(layer + " 'output_mode' must be one of " + String.join(", ", allowed) + ", got '" + mode + "'");
  }

  static INDArray encode(INDArray indices, String mode, int depth, DataType out, INDArray idfWeights) {
    if (mode.equals("int")) {
      return indices.castTo(out);
    }
    INDArray idx = indices.rank() == 0 ? indices.reshape(1) : indices;
    long[] s = idx.shape();
    if (mode.equals("one_hot")) {
      long[] in = s.length > 1 && s[s.length - 1] == 1 ? Arrays.copyOf(s, s.length - 1) : s;
      long n = idx.length();
      long[] shape = Arrays.copyOf(in, in.length + 1);
      shape[in.length] = depth;
      double[] data = new double[Math.toIntExact(n * depth)];
      long[] flat = idx.castTo(DataType.LONG).reshape(n).toLongVector();
      for (int i = 0; i < n; i++) {
        if (flat[i] >= 0 && flat[i] < depth) {
          data[(int) (i * depth + flat[i])] = 1;
        }
      }
      return Nd4j.create(data, shape, DataType.DOUBLE).castTo(out);
    }
    boolean count = mode.equals("count") || mode.equals("tf_idf");
    // Reduce axis 1 (or 0 for a rank-1 input): view the input as (outer, reduced, inner).
    int axis = s.length > 1 ? 1 : 0;
    long outer = axis == 1 ? s[0] : 1;
    long reduced = s[axis];
    long inner = idx.length() / Math.max(outer * reduced, 1);
    long[] flat = idx.castTo(DataType.LONG).reshape(idx.length()).toLongVector();
    double[] data = new double[Math.toIntExact(outer * inner * depth)];
    for (long o = 0; o < outer; o++) {
      for (long r = 0; r < reduced; r++) {
        for (long k = 0; k < inner; k++) {
          long v = flat[(int) ((o * reduced + r) * inner + k)];
          if (v >= 0 && v < depth) {
            int at = (int) ((o * inner + k) * depth + v);
            data[at] = count ? data[at] + 1 : 1;
          }
        }
      }
    }
    long[] shape;
    if (s.length == 1) {
      shape = new long[] {depth};
    } else {
      shape = new long[s.length];
      shape[0] = s[0];
      System.arraycopy(s, 2, shape, 1, s.length - 2);
      shape[s.length - 1] = depth;
    }
    INDArray result = Nd4j.create(data, shape, DataType.DOUBLE);
    if (mode.equals("tf_idf")) {
      result.muli(idfWeights.castTo(DataType.DOUBLE).reshape(depth));
    }
    return result.castTo(out);
  }
}
