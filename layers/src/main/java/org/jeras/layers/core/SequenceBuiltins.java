package org.jeras.layers.core;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the sequence-input core layers ({@code Embedding}, {@code ReversibleEmbedding}, {@code Masking}) under {@code keras.layers}. */
public final class SequenceBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "Embedding", Embedding::fromConfig);
    b.add(Layer.class, "keras.layers", "ReversibleEmbedding", ReversibleEmbedding::fromConfig);
    b.add(Layer.class, "keras.layers", "Masking", Masking::fromConfig);
  }
}
