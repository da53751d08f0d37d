package org.jeras.layers.merging;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** {@code inputs[0] - inputs[1]} for exactly two inputs (Keras's {@code Subtract}). */
public class Subtract extends Merge {
  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A Subtract layer should be called on exactly 2 inputs, got " + inputs.size());
    }
    return super.call(inputs, ctx);
  }

  @Override
  protected Tensor combine(Tensor a, Tensor b) {
    return MathOps.sub(a, b);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Subtract.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Subtract fromConfig(Config c) {
    return new Subtract().withBaseConfig(c);
  }
}
