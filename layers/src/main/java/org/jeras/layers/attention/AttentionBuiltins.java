package org.jeras.layers.attention;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;
import org.jeras.layers.activations.Softmax;
import org.jeras.layers.core.EinsumDense;

/**
 * Registers the attention layers under {@code keras.layers}, with the two layers they are built
 * from: {@code EinsumDense} (the projections) and {@code Softmax} (the masked softmax).
 */
public final class AttentionBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "MultiHeadAttention", MultiHeadAttention::fromConfig);
    // Keras exports GroupedQueryAttention as GroupQueryAttention, the name its files carry.
    b.add(Layer.class, m, "GroupQueryAttention", GroupedQueryAttention::fromConfig);
    b.add(Layer.class, m, "Attention", Attention::fromConfig);
    b.add(Layer.class, m, "AdditiveAttention", AdditiveAttention::fromConfig);
    b.add(Layer.class, m, "EinsumDense", EinsumDense::fromConfig);
    b.add(Layer.class, m, "Softmax", Softmax::fromConfig);
  }
}
