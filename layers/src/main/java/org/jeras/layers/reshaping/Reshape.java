package org.jeras.layers.reshaping;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;

/** Reshapes each sample to {@code targetShape}; one dim may be -1 (Keras's {@code Reshape}). */
public class Reshape extends Layer {
  private final int[] targetShape;

  /**
   * Keras's {@code Reshape(target_shape)}.
   *
   * @param targetShape the per-sample output shape; one entry may be -1
   */
  public Reshape(int... targetShape) {
    buildAtInit();
    // Keras: positive sizes and at most one -1, the size it infers.
    long unknown = Arrays.stream(targetShape).filter(d -> d == -1).count();
    if (unknown > 1 || Arrays.stream(targetShape).anyMatch(d -> d <= 0 && d != -1)) {
      throw Args.invalid(className(), "target_shape", "positive sizes and at most one -1", Arrays.toString(targetShape));
    }
    this.targetShape = targetShape.clone();
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    long[] shape = new long[targetShape.length + 1];
    shape[0] = x.shape().get(0);
    for (int i = 0; i < targetShape.length; i++) {
      shape[i + 1] = targetShape[i];
    }
    return ArrayOps.reshape(x, shape);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().putInts("target_shape", targetShape);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Reshape.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Reshape fromConfig(Config c) {
    return new Reshape(c.getInts("target_shape")).withBaseConfig(c);
  }
}
