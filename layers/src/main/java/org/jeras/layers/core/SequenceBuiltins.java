package org.jeras.layers.core;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;
import org.jeras.layers.ops.Any;
import org.jeras.layers.ops.ExpandDims;
import org.jeras.layers.ops.LogicalOr;
import org.jeras.layers.ops.NotEqual;
import org.jeras.layers.ops.NumpyConcatenate;
import org.jeras.layers.ops.OnesLike;
import org.jeras.layers.ops.ZerosLike;

/**
 * Registers the sequence-input core layers ({@code Embedding}, {@code Masking}) under
 * {@code keras.layers}, and the ops a Keras functional graph records for masks computed from
 * symbolic tensors (Masking's mask, masks combined by merging layers).
 */
public final class SequenceBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "Embedding", Embedding::fromConfig);
    b.add(Layer.class, "keras.layers", "Masking", Masking::fromConfig);
    // The ops Keras 3 records in a functional graph when Masking computes its mask.
    b.add(Layer.class, "keras.src.ops.numpy", "NotEqual", NotEqual::fromConfig);
    b.add(Layer.class, "keras.src.ops.numpy", "Any", Any::fromConfig);
    // And those recorded when merging layers (Add, Concatenate, ...) combine their inputs' masks.
    b.add(Layer.class, "keras.src.ops.numpy", "LogicalOr", LogicalOr::fromConfig);
    b.add(Layer.class, "keras.src.ops.numpy", "ExpandDims", ExpandDims::fromConfig);
    b.add(Layer.class, "keras.src.ops.numpy", "ZerosLike", ZerosLike::fromConfig);
    b.add(Layer.class, "keras.src.ops.numpy", "OnesLike", OnesLike::fromConfig);
    b.add(Layer.class, "keras.src.ops.numpy", "Concatenate", NumpyConcatenate::fromConfig);
  }
}
