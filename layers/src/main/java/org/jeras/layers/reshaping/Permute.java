package org.jeras.layers.reshaping;

import org.jeras.core.layer.InputSpec;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;

/**
 * Permutes the non-batch axes: {@code dims} is 1-based and leaves the batch axis in place
 * (Keras's {@code Permute}; {@code dims=[2, 1]} swaps the two axes of a rank-3 input).
 */
public class Permute extends Layer {
  private final int[] dims;

  /**
   * Keras's {@code Permute(dims)}.
   *
   * @param dims the input axis of each output axis, 1-based (the batch axis stays)
   */
  public Permute(int... dims) {
    int[] sorted = dims.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i + 1) {
        throw Args.invalid(className(), "dims", "a permutation of 1.." + dims.length, Arrays.toString(dims));
      }
    }
    this.dims = dims.clone();
    this.supportsMasking = true;
    setInputSpec(InputSpec.ndim(dims.length + 1));
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (x.rank() != dims.length + 1) {
      throw new IllegalArgumentException("Permute with dims " + Arrays.toString(dims) + " needs rank "
          + (dims.length + 1) + " inputs, got " + x.shape());
    }
    int[] perm = new int[dims.length + 1];
    System.arraycopy(dims, 0, perm, 1, dims.length);
    return ArrayOps.transpose(x, perm);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().putInts("dims", dims);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Permute.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Permute fromConfig(Config c) {
    return new Permute(c.getInts("dims")).withBaseConfig(c);
  }
}
