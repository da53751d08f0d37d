package org.jeras.layers.regularization;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the noise and regularization layers (Dropout is registered by LayersBuiltins). */
public final class RegularizationBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, "keras.layers", "SpatialDropout1D", SpatialDropout1D::fromConfig);
    b.add(Layer.class, "keras.layers", "SpatialDropout2D", SpatialDropout2D::fromConfig);
    b.add(Layer.class, "keras.layers", "SpatialDropout3D", SpatialDropout3D::fromConfig);
    b.add(Layer.class, "keras.layers", "GaussianNoise", GaussianNoise::fromConfig);
    b.add(Layer.class, "keras.layers", "GaussianDropout", GaussianDropout::fromConfig);
    b.add(Layer.class, "keras.layers", "AlphaDropout", AlphaDropout::fromConfig);
    b.add(Layer.class, "keras.layers", "ActivityRegularization", ActivityRegularization::fromConfig);
  }
}
