package org.jeras.saving.custom;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.GlorotUniform;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * The Keras guide's {@code MyDense}, registered as {@code MyLayers>KernelMult} (fixture_custom.py):
 * {@code x @ kernel}. Like the Python class it keeps its regularizer, initializer and nested model
 * arguments exactly as given (a shorthand string stays a string in its config) and resolves them
 * only when building.
 */
public final class MyDense extends Layer {
  private final int units;
  private final JsonElement kernelRegularizer;
  private final JsonElement kernelInitializer;
  private final JsonElement nestedModel;
  private Variable kernel;

  /** {@code kernelRegularizer} and {@code kernelInitializer}: a Keras shorthand or dict, or JSON null. */
  public MyDense(int units, JsonElement kernelRegularizer, JsonElement kernelInitializer, JsonElement nestedModel) {
    this.units = units;
    this.kernelRegularizer = orNull(kernelRegularizer);
    this.kernelInitializer = orNull(kernelInitializer);
    this.nestedModel = orNull(nestedModel);
  }

  private static JsonElement orNull(JsonElement e) {
    return e == null ? JsonNull.INSTANCE : e;
  }

  public static MyDense fromConfig(Config c) {
    return new MyDense(c.getInt("units"), c.getOrNull("kernel_regularizer"), c.getOrNull("kernel_initializer"),
        c.getOrNull("nested_model")).withBaseConfig(c);
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "MyLayers>KernelMult";
  }

  @Override
  protected void build(Shape inputShape) {
    Initializer init = Serialization.deserialize(kernelInitializer, Initializer.class);
    Regularizer reg = Serialization.deserialize(kernelRegularizer, Regularizer.class);
    // add_weight's default initializer for float weights is glorot_uniform
    kernel = addWeight("kernel", new long[] {inputShape.get(inputShape.rank() - 1), units},
        init == null ? new GlorotUniform() : init, reg, null, true);
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return LinalgOps.matmul(input, kernel.read());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("units", units).put("kernel_regularizer", kernelRegularizer)
        .put("kernel_initializer", kernelInitializer).put("nested_model", nestedModel);
  }
}
