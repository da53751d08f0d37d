package org.jeras.layers.normalization;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the normalization layers under {@code keras.layers}. */
public final class NormalizationBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "BatchNormalization", BatchNormalization::fromConfig);
    b.add(Layer.class, m, "LayerNormalization", LayerNormalization::fromConfig);
    b.add(Layer.class, m, "GroupNormalization", GroupNormalization::fromConfig);
    b.add(Layer.class, m, "UnitNormalization", UnitNormalization::fromConfig);
    b.add(Layer.class, m, "RMSNormalization", RMSNormalization::fromConfig);
    b.add(Layer.class, m, "SpectralNormalization", SpectralNormalization::fromConfig);
  }
}
