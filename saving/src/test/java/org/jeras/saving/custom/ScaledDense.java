package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.initializers.GlorotUniform;
import org.jeras.core.initializers.RandomNormal;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/** The fixtures' {@code fixtures>ScaledDense} (fixture_custom.py): {@code scale * (x @ kernel + bias)}. */
public final class ScaledDense extends Layer {
  private final int units;
  private final double scale;
  private Variable kernel;
  private Variable bias;

  public ScaledDense(int units, double scale) {
    this.units = units;
    this.scale = scale;
  }

  public static ScaledDense fromConfig(Config c) {
    return new ScaledDense(c.getInt("units"), c.getDouble("scale", 1.0)).withBaseConfig(c);
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "fixtures>ScaledDense";
  }

  @Override
  protected void build(Shape inputShape) {
    kernel = addWeight("kernel", new long[] {inputShape.get(inputShape.rank() - 1), units}, new GlorotUniform());
    bias = addWeight("bias", new long[] {units}, new RandomNormal());
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return MathOps.mul(MathOps.add(LinalgOps.matmul(input, kernel.read()), bias.read()), scale);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("units", units).put("scale", scale);
  }
}
