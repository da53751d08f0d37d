package org.jeras.layers.applications;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the helper layers of Keras's applications under their Python modules. */
public final class ApplicationsBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    b.add(Layer.class, ApplicationLayers.CONVNEXT, "LayerScale", LayerScale::fromConfig);
    b.add(Layer.class, ApplicationLayers.CONVNEXT, "StochasticDepth", StochasticDepth::fromConfig);
    b.add(Layer.class, ApplicationLayers.INCEPTION_RESNET_V2, "CustomScaleLayer", CustomScaleLayer::fromConfig);
  }
}
