package org.jeras.layers.core;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code TernaryDense}: a dense layer whose float kernel is ternarized in the forward pass,
 * {@code sign(kernel) * (|kernel| > t)}, with {@code t = threshold}, or {@code 0.5 * mean|kernel|}
 * and the product then scaled by {@code mean|kernel|} when {@code threshold} is null. Gradients
 * reach the float kernel straight through the ternarization (as Keras's {@code stop_gradient}
 * trick). The packed {@code "ternary"} quantization mode is refused.
 */
public class TernaryDense extends Layer implements HasWeightSpecs<TernaryDense> {
  private final int units;
  private Double threshold;
  private Activation activation = Activations.LINEAR;
  private boolean useBias = true;
  private final WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
  private Variable kernel;
  private Variable bias;

  /**
   * Keras's {@code TernaryDense(units)}; other arguments through the setters.
   *
   * @param units the output width
   */
  public TernaryDense(int units) {
    this.units = Args.positive(className(), "units", units);
    this.supportsMasking = true;
    setInputSpec(InputSpec.minNdim(2));
  }

  /**
   * Sets the ternarization threshold (Keras's {@code threshold}).
   *
   * @param t a non-negative threshold, or null for {@code 0.5 * mean|kernel|} with scaling
   * @return this layer
   */
  public TernaryDense threshold(Double t) {
    this.threshold = t == null ? null : Args.nonNegative(className(), "threshold", t);
    return this;
  }

  /**
   * Sets the activation (Keras's {@code activation}).
   *
   * @param a the activation
   * @return this layer
   */
  public TernaryDense activation(Activation a) {
    this.activation = a;
    return this;
  }

  /**
   * Sets whether a bias is added (Keras's {@code use_bias}).
   *
   * @param v whether it is
   * @return this layer
   */
  public TernaryDense useBias(boolean v) {
    this.useBias = v;
    return this;
  }

  /** Settings of {@code kernel} and {@code bias}. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the float kernel {@code [input_dim, units]}} */
  public Variable kernel() {
    return kernel;
  }

  /** {@return the bias, or null without one} */
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
    Tensor k = kernel.read();
    Tensor absK = MathOps.abs(k);
    Tensor meanAbs = threshold == null ? ReduceOps.mean(absK) : null;
    Tensor t = threshold == null ? MathOps.mul(meanAbs, 0.5) : null;
    Tensor above = threshold == null ? MathOps.sub(absK, t) : MathOps.add(absK, -threshold);
    // relu(sign(d)) is 1 where d > 0 and 0 elsewhere: Keras's cast(|k| > t).
    Tensor ternary = MathOps.mul(MathOps.sign(k), NnOps.relu(MathOps.sign(above)));
    Tensor straightThrough = MathOps.add(k, MathOps.sub(ternary, k).stopGradient());
    Tensor y = LinalgOps.matmul(x, straightThrough);
    if (meanAbs != null) {
      y = MathOps.mul(y, meanAbs);
    }
    if (bias != null) {
      y = MathOps.add(y, bias.read());
    }
    return activation.apply(y);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape.with(inputShape.rank() - 1, units);
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig()
        .put("units", units)
        .put("threshold", threshold == null ? JsonNull.INSTANCE : new JsonPrimitive(threshold))
        .put("activation", Activations.serialize(activation))
        .put("use_bias", useBias);
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(activityRegularizer()));
    return specs.putConstraints(c);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code TernaryDense.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static TernaryDense fromConfig(Config c) {
    EinsumDense.refuseQuantizationAndLora(c, "TernaryDense");
    TernaryDense d = new TernaryDense(c.getInt("units"));
    d.threshold(c.isSet("threshold") ? c.getDouble("threshold") : null);
    d.activation = Activations.deserialize(c.getOrNull("activation"));
    d.useBias = c.getBoolean("use_bias", true);
    d.specs.read(c);
    return d.withBaseConfig(c);
  }
}
