package org.jeras.layers.reshaping;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the spatial reshaping layers (cropping, zero padding, upsampling) under {@code keras.layers}. */
public final class SpatialReshapingBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "Cropping1D", Cropping1D::fromConfig);
    b.add(Layer.class, m, "Cropping2D", Cropping2D::fromConfig);
    b.add(Layer.class, m, "Cropping3D", Cropping3D::fromConfig);
    b.add(Layer.class, m, "ZeroPadding1D", ZeroPadding1D::fromConfig);
    b.add(Layer.class, m, "ZeroPadding2D", ZeroPadding2D::fromConfig);
    b.add(Layer.class, m, "ZeroPadding3D", ZeroPadding3D::fromConfig);
    b.add(Layer.class, m, "UpSampling1D", UpSampling1D::fromConfig);
    b.add(Layer.class, m, "UpSampling2D", UpSampling2D::fromConfig);
    b.add(Layer.class, m, "UpSampling3D", UpSampling3D::fromConfig);
  }
}
