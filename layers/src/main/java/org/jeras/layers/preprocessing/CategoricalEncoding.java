package org.jeras.layers.preprocessing;

import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.EncodingOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

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

  /**
   * {@code indices} encoded as {@code mode} says ({@code tf_idf} = {@code count} times
   * {@code idfWeights}, a tensor of {@code depth} weights), in dtype {@code out}, through described
   * ops ({@link EncodingOps}) so that the layers using it trace and export.
   */
  static Tensor encode(Tensor indices, String mode, int depth, DType out, Tensor idfWeights) {
    if (mode.equals("int")) {
      return MathOps.cast(indices, out);
    }
    if (mode.equals("tf_idf")) {
      Tensor counts = EncodingOps.categoryEncode(indices, "count", depth, DType.FLOAT64);
      return MathOps.cast(MathOps.mul(counts, MathOps.cast(idfWeights, DType.FLOAT64)), out);
    }
    return EncodingOps.categoryEncode(indices, mode, depth, out);
  }
}
