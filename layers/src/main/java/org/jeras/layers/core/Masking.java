package org.jeras.layers.core;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.ops.MaskOps;

/**
 * Keras's {@code Masking}: a time step whose features all equal {@code mask_value} is masked
 * (mask {@code [batch, time]} = any feature differs) and its features are zeroed.
 */
public class Masking extends Layer {
  private final double maskValue;

  /** Keras's {@code Masking()}: every argument at its default. */
  public Masking() {
    this(0.0);
  }

  /**
   * Keras's {@code Masking(mask_value)}.
   *
   * @param maskValue the value whose time steps are masked
   */
  public Masking(double maskValue) {
    buildAtInit();
    this.maskValue = maskValue;
    this.supportsMasking = true;
  }

  /** {@return the value whose time steps are masked} */
  public double maskValue() {
    return maskValue;
  }

  /** Steps whose features all equal mask_value become zeros, by ops, so a traced graph computes it. */
  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor keep = ReduceOps.any(MathOps.notEqual(x, maskValue), true, -1);
    return MathOps.mul(x, MathOps.cast(keep, x.dtype()));
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    return MaskOps.any(MaskOps.notEqual(args.tensor(0), maskValue), -1);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("mask_value", maskValue);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Masking.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Masking fromConfig(Config c) {
    return new Masking(c.getDouble("mask_value", 0.0)).withBaseConfig(c);
  }
}
