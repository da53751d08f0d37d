package org.jeras.layers.activations;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the activation layers ReLU, LeakyReLU, PReLU and ELU. */
public final class ActivationLayersBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "ReLU", ReLU::fromConfig);
    b.add(Layer.class, "keras.layers", "LeakyReLU", LeakyReLU::fromConfig);
    b.add(Layer.class, "keras.layers", "PReLU", PReLU::fromConfig);
    b.add(Layer.class, "keras.layers", "ELU", ELU::fromConfig);
  }
}
