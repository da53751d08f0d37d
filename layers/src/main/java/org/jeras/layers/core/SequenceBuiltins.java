package org.jeras.layers.core;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/**
 * Registers the sequence-input core layers ({@code Embedding}, {@code Masking}) under
 * {@code keras.layers}, and the two ops Masking's mask becomes in a Keras functional graph.
 */
public final class SequenceBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "Embedding", Embedding::fromConfig);
    b.add(Layer.class, "keras.layers", "Masking", Masking::fromConfig);
    // The ops Keras 3 records in a functional graph when Masking computes its mask.
    b.add(Layer.class, "keras.src.ops.numpy", "NotEqual", org.jeras.layers.ops.NotEqual::fromConfig);
    b.add(Layer.class, "keras.src.ops.numpy", "Any", org.jeras.layers.ops.Any::fromConfig);
  }
}
