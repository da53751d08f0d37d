package org.jeras.layers.core;

import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * {@code activation(x @ kernel + bias)} over the last axis (Keras's {@code Dense}); weights
 * {@code kernel} and {@code bias}.
 */
public class Dense extends Layer implements HasWeightSpecs<Dense> {
  private final int units;
  private Activation activation = Activations.LINEAR;
  private boolean useBias = true;
  private final WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
  private Variable kernel;
  private Variable bias;

  /**
   * Keras's {@code Dense(units)}: linear, with a bias.
   *
   * @param units the output size
   */
  public Dense(int units) {
    this.units = Args.positive(className(), "units", units);
    this.supportsMasking = true;
    setInputSpec(InputSpec.minNdim(2));
  }

  /**
   * Keras's {@code Dense(units, activation)}.
   *
   * @param units the output size
   * @param activation the activation's name, e.g. {@code "relu"}
   */
  public Dense(int units, String activation) {
    this(units);
    this.activation = Activations.get(activation);
  }

  /**
   * Sets the activation.
   *
   * @param a the activation
   * @return this layer
   */
  public Dense activation(Activation a) {
    this.activation = a;
    return this;
  }

  /**
   * Sets whether a bias is added (Keras's {@code use_bias}).
   *
   * @param useBias whether it is
   * @return this layer
   */
  public Dense useBias(boolean useBias) {
    this.useBias = useBias;
    return this;
  }

  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the output size} */
  public int units() {
    return units;
  }

  /** {@return the kernel {@code [input size, units]}} */
  public Variable kernel() {
    return kernel;
  }

  /** {@return the bias, or null without {@code use_bias}} */
  public Variable bias() {
    return bias;
  }

  @Override
  protected void build(Shape inputShape) {
    setInputSpec(InputSpec.builder().minNdim(2).axis(-1, inputShape.get(-1)).build());
    kernel = addWeight("kernel", new long[] {inputShape.get(-1), units}, specs, "kernel");
    if (useBias) {
      bias = addWeight("bias", new long[] {units}, specs, "bias");
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
    Config c = super.getConfig()
        .put("units", units)
        .put("activation", Activations.serialize(activation))
        .put("use_bias", useBias);
    specs.putInitializers(c);
    specs.putRegularizers(c);
    return specs.putConstraints(c).put("quantization_config", (String) null);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Dense.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Dense fromConfig(Config c) {
    EinsumDense.refuseQuantizationAndLora(c, "Dense");
    Dense d = new Dense(c.getInt("units"));
    d.activation = Activations.deserialize(c.getOrNull("activation"));
    d.useBias = c.getBoolean("use_bias", true);
    d.specs.read(c);
    return d.withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape.with(inputShape.rank() - 1, units);
  }
}
