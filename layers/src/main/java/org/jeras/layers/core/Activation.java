package org.jeras.layers.core;

import java.util.List;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;

/** Applies an activation function (Keras's {@code Activation} layer). */
public class Activation extends Layer {
  private final org.jeras.core.activations.Activation activation;

  /**
   * Keras's {@code Activation(activation)} by name.
   *
   * @param name the activation's name, e.g. {@code "relu"}
   */
  public Activation(String name) {
    this(Activations.get(name));
  }

  /**
   * An {@code Activation} layer applying {@code activation}.
   *
   * @param activation the activation
   */
  public Activation(org.jeras.core.activations.Activation activation) {
    buildAtInit();
    this.activation = activation;
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return activation.apply(x);
  }

  /**
   * The input's shape in the compute dtype: Keras's Activation defines compute_output_shape, so its
   * symbolic output has the layer's compute dtype even where the call keeps an integer input's
   * dtype.
   */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return List.of(Tensor.symbolic(args.tensor(0).shape(), computeDtype(), null));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("activation", Activations.serialize(activation));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Activation.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Activation fromConfig(Config c) {
    return new Activation(Activations.deserialize(c.get("activation"))).withBaseConfig(c);
  }
}
