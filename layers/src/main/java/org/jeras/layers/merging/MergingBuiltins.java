package org.jeras.layers.merging;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers Keras's element-wise and dot merging layers (Add and Concatenate are registered by LayersBuiltins). */
public final class MergingBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "Subtract", Subtract::fromConfig);
    b.add(Layer.class, "keras.layers", "Multiply", Multiply::fromConfig);
    b.add(Layer.class, "keras.layers", "Average", Average::fromConfig);
    b.add(Layer.class, "keras.layers", "Maximum", Maximum::fromConfig);
    b.add(Layer.class, "keras.layers", "Minimum", Minimum::fromConfig);
    b.add(Layer.class, "keras.layers", "Dot", Dot::fromConfig);
  }
}
