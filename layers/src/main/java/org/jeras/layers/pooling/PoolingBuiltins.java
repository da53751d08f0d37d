package org.jeras.layers.pooling;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the pooling layers under {@code keras.layers}. */
public final class PoolingBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "MaxPooling1D", MaxPooling1D::fromConfig);
    b.add(Layer.class, m, "MaxPooling2D", MaxPooling2D::fromConfig);
    b.add(Layer.class, m, "MaxPooling3D", MaxPooling3D::fromConfig);
    b.add(Layer.class, m, "AveragePooling1D", AveragePooling1D::fromConfig);
    b.add(Layer.class, m, "AveragePooling2D", AveragePooling2D::fromConfig);
    b.add(Layer.class, m, "AveragePooling3D", AveragePooling3D::fromConfig);
    b.add(Layer.class, m, "GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig);
    b.add(Layer.class, m, "GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
    b.add(Layer.class, m, "GlobalMaxPooling3D", GlobalMaxPooling3D::fromConfig);
    b.add(Layer.class, m, "GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig);
    b.add(Layer.class, m, "GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
    b.add(Layer.class, m, "GlobalAveragePooling3D", GlobalAveragePooling3D::fromConfig);
    b.add(Layer.class, m, "AdaptiveAveragePooling1D", AdaptiveAveragePooling1D::fromConfig);
    b.add(Layer.class, m, "AdaptiveAveragePooling2D", AdaptiveAveragePooling2D::fromConfig);
    b.add(Layer.class, m, "AdaptiveAveragePooling3D", AdaptiveAveragePooling3D::fromConfig);
    b.add(Layer.class, m, "AdaptiveMaxPooling1D", AdaptiveMaxPooling1D::fromConfig);
    b.add(Layer.class, m, "AdaptiveMaxPooling2D", AdaptiveMaxPooling2D::fromConfig);
    b.add(Layer.class, m, "AdaptiveMaxPooling3D", AdaptiveMaxPooling3D::fromConfig);
  }
}
