package org.jeras.layers.pooling;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/**
 * Keras's {@code GlobalAveragePooling1D}: the mean over the steps axis; with a mask
 * {@code [batch, steps]}, the mean over the unmasked steps only. The mask is consumed.
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {
  /** Keras's {@code GlobalAveragePooling1D()}: every argument at its default. */
  public GlobalAveragePooling1D() {
    super(1, false);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor mask = x.mask();
    if (mask == null) {
      return super.call(x, ctx);
    }
    boolean last = Spatial.CHANNELS_LAST.equals(dataFormat);
    int steps = last ? 1 : 2;
    Tensor m = ArrayOps.expandDims(MathOps.cast(mask, x.dtype()), last ? 2 : 1);
    return MathOps.div(ReduceOps.sum(MathOps.mul(x, m), keepdims, steps), ReduceOps.sum(m, keepdims, steps));
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    return null;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GlobalAveragePooling1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GlobalAveragePooling1D fromConfig(Config c) {
    return new GlobalAveragePooling1D().readGlobal(c);
  }
}
