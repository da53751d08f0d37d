package org.jeras.layers.core;

import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/** {@code activation(x @ kernel + bias)} over the last axis (Keras's {@code Dense}). */
public class Dense extends Layer {
  private final int units;
  private Activation activation = Activations.LINEAR;
  private boolean useBias = true;
  private Initializer kernelInitializer = Defaults.initializer("glorot_uniform");
  private Initializer biasInitializer = Defaults.initializer("zeros");
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
  private Variable kernel;
  private Variable bias;

  public Dense(int units) {
    this.units = units;
    this.supportsMasking = true;
  }

  public Dense(int units, String activation) {
    this(units);
    this.activation = Activations.get(activation);
  }

  public Dense activation(Activation a) {
    this.activation = a;
    return this;
  }

  public Dense useBias(boolean useBias) {
    this.useBias = useBias;
    return this;
  }

  public Dense kernelInitializer(Initializer i) {
    this.kernelInitializer = i;
    return this;
  }

  public Dense biasInitializer(Initializer i) {
    this.biasInitializer = i;
    return this;
  }

  public Dense kernelRegularizer(Regularizer r) {
    this.kernelRegularizer = r;
    return this;
  }

  public Dense biasRegularizer(Regularizer r) {
    this.biasRegularizer = r;
    return this;
  }

  public Dense kernelConstraint(Constraint c) {
    this.kernelConstraint = c;
    return this;
  }

  public Dense biasConstraint(Constraint c) {
    this.biasConstraint = c;
    return this;
  }

  public int units() {
    return units;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable bias() {
    return bias;
  }

  @Override
  protected void build(Shape inputShape) {
    long inputDim = inputShape.get(-1);
    kernel = addWeight("kernel", new long[] {inputDim, units}, kernelInitializer, kernelRegularizer, kernelConstraint, true);
    if (useBias) {
      bias = addWeight("bias", new long[] {units}, biasInitializer, biasRegularizer, biasConstraint, true);
    }
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor y = bias == null ? LinalgOps.matmul(x, kernel.read()) : LinalgOps.affine(x, kernel.read(), bias.read());
    // y is a fresh array whose producer's backward does not keep it: the activation may overwrite it.
    return activation.applyInPlace(y);
  }

  @Override
  public Config getConfig() {
    return super.getConfig()
        .put("units", units)
        .put("activation", Activations.serialize(activation))
        .put("use_bias", useBias)
        .put("kernel_initializer", Serialization.serialize(kernelInitializer))
        .put("bias_initializer", Serialization.serialize(biasInitializer))
        .put("kernel_regularizer", Serialization.serialize(kernelRegularizer))
        .put("bias_regularizer", Serialization.serialize(biasRegularizer))
        .put("kernel_constraint", Serialization.serialize(kernelConstraint))
        .put("bias_constraint", Serialization.serialize(biasConstraint))
        .put("quantization_config", (String) null);
  }

  public static Dense fromConfig(Config c) {
    EinsumDense.refuseQuantizationAndLora(c, "Dense");
    Dense d = new Dense(c.getInt("units"));
    d.activation = Activations.deserialize(c.getOrNull("activation"));
    d.useBias = c.getBoolean("use_bias", true);
    if (c.isSet("kernel_initializer")) {
      d.kernelInitializer = Serialization.deserialize(c.get("kernel_initializer"), Initializer.class);
    }
    if (c.isSet("bias_initializer")) {
      d.biasInitializer = Serialization.deserialize(c.get("bias_initializer"), Initializer.class);
    }
    d.kernelRegularizer = Serialization.deserialize(c.getOrNull("kernel_regularizer"), Regularizer.class);
    d.biasRegularizer = Serialization.deserialize(c.getOrNull("bias_regularizer"), Regularizer.class);
    d.kernelConstraint = Serialization.deserialize(c.getOrNull("kernel_constraint"), Constraint.class);
    d.biasConstraint = Serialization.deserialize(c.getOrNull("bias_constraint"), Constraint.class);
    return d.withBaseConfig(c);
  }
}
