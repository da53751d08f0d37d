package org.jeras.layers.activations;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/** {@code x} for {@code x > 0}, else {@code alpha * (exp(x) - 1)} (Keras's {@code ELU}). */
public class ELU extends Layer {
  private final double alpha;

  /** Keras's {@code ELU()}: every argument at its default. */
  public ELU() {
    this(1.0);
  }

  /**
   * Keras's {@code ELU(alpha)}.
   *
   * @param alpha the scale of the negative part
   */
  public ELU(double alpha) {
    buildAtInit();
    this.alpha = Args.finite(className(), "alpha", alpha);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return NnOps.elu(x, alpha);
  }

  /** Keras's ELU has no get_config of its own: its auto-config puts {@code alpha} right after {@code name}. */
  @Override
  public Config getConfig() {
    Config base = super.getConfig();
    Config c = Config.empty().put("name", base.getString("name")).put("alpha", alpha);
    base.remove("name");
    return c.putAll(base);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ELU.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ELU fromConfig(Config c) {
    return new ELU(c.getDouble("alpha", 1.0)).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
