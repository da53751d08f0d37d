package org.jeras.layers.convolutional;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers the convolution layers under {@code keras.layers}. */
public final class ConvolutionalBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "Conv1D", Conv1D::fromConfig);
    b.add(Layer.class, m, "Conv2D", Conv2D::fromConfig);
    b.add(Layer.class, m, "Conv3D", Conv3D::fromConfig);
    b.add(Layer.class, m, "Conv1DTranspose", Conv1DTranspose::fromConfig);
    b.add(Layer.class, m, "Conv2DTranspose", Conv2DTranspose::fromConfig);
    b.add(Layer.class, m, "Conv3DTranspose", Conv3DTranspose::fromConfig);
    b.add(Layer.class, m, "DepthwiseConv1D", DepthwiseConv1D::fromConfig);
    b.add(Layer.class, m, "DepthwiseConv2D", DepthwiseConv2D::fromConfig);
    b.add(Layer.class, m, "SeparableConv1D", SeparableConv1D::fromConfig);
    b.add(Layer.class, m, "SeparableConv2D", SeparableConv2D::fromConfig);
  }
}
