package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * The Keras guide's {@code MyLayers>CustomLayer} (fixture_custom.py): {@code x * factor}. As in the
 * guide its config holds only {@code factor} (no name, trainable or dtype).
 */
public final class CustomLayer extends Layer {
  private final double factor;

  public CustomLayer(double factor) {
    this.factor = factor;
  }

  public static CustomLayer fromConfig(Config c) {
    return new CustomLayer(c.getDouble("factor"));
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "MyLayers>CustomLayer";
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return MathOps.mul(input, factor);
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("factor", factor);
  }
}
