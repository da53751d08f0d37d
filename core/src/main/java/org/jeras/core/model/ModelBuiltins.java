package org.jeras.core.model;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;

/** Registers Keras's model classes, InputLayer and DTypePolicy. */
public final class ModelBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "InputLayer", InputLayer::fromConfig);
    b.add(Layer.class, "keras", "Sequential", Sequential::fromConfig);
    b.add(Layer.class, "keras.models", "Sequential", Sequential::fromConfig);
    b.add(Layer.class, "keras.src.models.functional", "Functional", Functional::fromConfig);
    b.add(Layer.class, "keras", "Functional", Functional::fromConfig);
    b.add(Layer.class, "keras.models", "Model", Functional::fromConfig);
    b.add(DTypePolicy.class, "keras", "DTypePolicy", c -> new DTypePolicy(c.getString("name")));
  }
}
