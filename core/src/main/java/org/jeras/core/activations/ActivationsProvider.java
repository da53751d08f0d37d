package org.jeras.core.activations;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;

/** Registers Keras's built-in activation names. */
public final class ActivationsProvider implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins builtins) {
    Activations.builtins().forEach((name, fn) -> builtins.alias(Activation.class, name, fn));
  }
}
