package org.jeras.layers.reshaping;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the reshaping layers Permute and RepeatVector. */
public final class PermuteRepeatBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "Permute", Permute::fromConfig);
    b.add(Layer.class, "keras.layers", "RepeatVector", RepeatVector::fromConfig);
  }
}
