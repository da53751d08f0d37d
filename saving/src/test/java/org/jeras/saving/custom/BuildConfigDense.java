package org.jeras.saving.custom;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.initializers.GlorotUniform;
import org.jeras.core.initializers.RandomNormal;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * The fixtures' {@code fixtures>BuildConfigDense} (fixture_custom.py): {@code tanh(x @ kernel + bias)}
 * with its own build config {@code {"input_dim": N, "format": "fixtures-v1"}}.
 */
public final class BuildConfigDense extends Layer {
  static final String FORMAT = "fixtures-v1";
  private final int units;
  private Integer inputDim;
  private Variable kernel;
  private Variable bias;

  public BuildConfigDense(int units) {
    this.units = units;
  }

  public static BuildConfigDense fromConfig(Config c) {
    return new BuildConfigDense(c.getInt("units")).withBaseConfig(c);
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "fixtures>BuildConfigDense";
  }

  @Override
  protected void build(Shape inputShape) {
    inputDim = (int) inputShape.get(inputShape.rank() - 1);
    kernel = addWeight("kernel", new long[] {inputDim, units}, new GlorotUniform());
    bias = addWeight("bias", new long[] {units}, new RandomNormal());
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return NnOps.tanh(MathOps.add(LinalgOps.matmul(input, kernel.read()), bias.read()));
  }

  @Override
  public JsonObject getBuildConfig() {
    JsonObject bc = new JsonObject();
    if (inputDim == null) {
      bc.add("input_dim", JsonNull.INSTANCE);
    } else {
      bc.addProperty("input_dim", inputDim);
    }
    bc.addProperty("format", FORMAT);
    return bc;
  }

  @Override
  public void buildFromConfig(Config config) {
    if (!FORMAT.equals(config.getString("format", null))) {
      throw new ConfigException("BuildConfigDense '" + name() + "': unexpected build config " + config);
    }
    build(Shape.of(Shape.UNKNOWN, config.getInt("input_dim")), false);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("units", units);
  }
}
