package org.jeras.core.ops;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.graph.OpDesc;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turning values into bins and indices into categorical encodings, as Keras's preprocessing layers
 * do (Discretization, CategoryEncoding, the lookups): described ops, so that models holding those
 * layers trace, export and plan like any other. Neither op has a gradient (their outputs are
 * piecewise constant in their inputs), as in Keras.
 */
public final class EncodingOps {
  private EncodingOps() {}

  /**
   * Keras's {@code ops.digitize(x, bins)} for increasing {@code bins}: the number of boundaries each
   * value reaches ({@code bins[k] <= x}), as int32 of {@code x}'s shape; NaN lands in bin 0.
   *
   * @param x the values
   * @param bins the increasing boundaries
   * @return the bucket index of each value
   */
  public static Tensor digitize(Tensor x, double[] bins) {
    INDArray v = x.value();
    double[] flat = v.castTo(DataType.DOUBLE).reshape(v.length()).toDoubleVector();
    int[] idx = new int[flat.length];
    for (int i = 0; i < flat.length; i++) {
      int k = 0;
      while (k < bins.length && bins[k] <= flat[i]) {
        k++;
      }
      idx[i] = k;
    }
    return recordOp(OpDesc.of("digitize", "bins", bins.clone()), Nd4j.createFromArray(idx).reshape(v.shape()), null, x);
  }

  /**
   * Keras's {@code encode_categorical_inputs} for {@code mode} {@code one_hot} (a {@code depth}
   * axis appended, a trailing axis of size 1 replaced), {@code multi_hot} or {@code count} (axis 1
   * reduced, or axis 0 of a rank-1 input, which is one sample): indices outside {@code [0, depth)}
   * contribute nothing. The result has dtype {@code out}.
   *
   * @param indices the integer indices
   * @param mode {@code "one_hot"}, {@code "multi_hot"} or {@code "count"}
   * @param depth the number of indices
   * @param out the result's dtype
   * @return the encoding
   */
  public static Tensor categoryEncode(Tensor indices, String mode, int depth, DType out) {
    if (!mode.equals("one_hot") && !mode.equals("multi_hot") && !mode.equals("count")) {
      throw new IllegalArgumentException("categoryEncode: mode must be one_hot, multi_hot or count, got " + mode);
    }
    INDArray encoded = encode(indices.value(), mode, depth).castTo(out.nd4j());
    return recordOp(OpDesc.of("category_encode", "mode", mode, "depth", (long) depth), encoded, null, indices);
  }

  private static INDArray encode(INDArray indices, String mode, int depth) {
    INDArray idx = indices.rank() == 0 ? indices.reshape(1) : indices;
    long[] s = idx.shape();
    long[] flat = idx.castTo(DataType.LONG).reshape(idx.length()).toLongVector();
    if (mode.equals("one_hot")) {
      long[] in = s.length > 1 && s[s.length - 1] == 1 ? Arrays.copyOf(s, s.length - 1) : s;
      long[] shape = Arrays.copyOf(in, in.length + 1);
      shape[in.length] = depth;
      TensorLimit.check("categoryEncode output", shape, DType.FLOAT64);
      double[] data = new double[Math.toIntExact(flat.length * (long) depth)];
      for (int i = 0; i < flat.length; i++) {
        if (flat[i] >= 0 && flat[i] < depth) {
          data[(int) (i * (long) depth + flat[i])] = 1;
        }
      }
      return Nd4j.create(data, shape, DataType.DOUBLE);
    }
    boolean count = mode.equals("count");
    // Reduce axis 1 (or 0 for a rank-1 input): view the input as (outer, reduced, inner).
    int axis = s.length > 1 ? 1 : 0;
    long outer = axis == 1 ? s[0] : 1;
    long reduced = s[axis];
    long inner = idx.length() / Math.max(outer * reduced, 1);
    long[] shape;
    if (s.length == 1) {
      shape = new long[] {depth};
    } else {
      shape = new long[s.length];
      shape[0] = s[0];
      System.arraycopy(s, 2, shape, 1, s.length - 2);
      shape[s.length - 1] = depth;
    }
    TensorLimit.check("categoryEncode output", shape, DType.FLOAT64);
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
    return Nd4j.create(data, shape, DataType.DOUBLE);
  }
}
