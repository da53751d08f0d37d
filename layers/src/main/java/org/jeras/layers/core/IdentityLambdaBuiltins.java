package org.jeras.layers.core;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the core layers Identity and Lambda. */
public final class IdentityLambdaBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "Identity", Identity::fromConfig);
    b.add(Layer.class, "keras.layers", "Lambda", Lambda::fromConfig);
  }
}
