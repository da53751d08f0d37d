package org.jeras.layers;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;
import org.jeras.layers.core.Activation;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.TernaryDense;
import org.jeras.layers.merging.Add;
import org.jeras.layers.merging.Concatenate;
import org.jeras.layers.regularization.Dropout;
import org.jeras.layers.reshaping.Flatten;
import org.jeras.layers.reshaping.Reshape;

/** Registers the layers of this module under {@code keras.layers}. */
public final class LayersBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "Dense", Dense::fromConfig);
    b.add(Layer.class, m, "TernaryDense", TernaryDense::fromConfig);
    b.add(Layer.class, m, "Activation", Activation::fromConfig);
    b.add(Layer.class, m, "Dropout", Dropout::fromConfig);
    b.add(Layer.class, m, "Flatten", Flatten::fromConfig);
    b.add(Layer.class, m, "Reshape", Reshape::fromConfig);
    b.add(Layer.class, m, "Add", Add::fromConfig);
    b.add(Layer.class, m, "Concatenate", Concatenate::fromConfig);
  }
}
