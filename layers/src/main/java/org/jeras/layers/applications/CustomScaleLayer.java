package org.jeras.layers.applications;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * {@code inputs[0] + inputs[1] * scale}: the scaled residual sum of Keras's Inception-ResNet-v2
 * blocks ({@code CustomScaleLayer}).
 */
public class CustomScaleLayer extends Layer {
  private final double scale;

  /**
   * Keras's {@code CustomScaleLayer(scale)}.
   *
   * @param scale the factor the input is multiplied by
   */
  public CustomScaleLayer(double scale) {
    this.scale = scale;
  }

  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    if (inputs.size() != 2) {
      throw new IncompatibleInputException("Layer '" + name() + "' (CustomScaleLayer) takes 2 inputs, got "
          + inputs.size());
    }
    return MathOps.add(inputs.get(0), MathOps.mul(inputs.get(1), scale));
  }

  @Override
  public String module() {
    return Registry.moduleOf(this, ApplicationLayers.INCEPTION_RESNET_V2);
  }

  @Override
  public String registeredName() {
    return ApplicationLayers.registeredName(this);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("scale", scale);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code CustomScaleLayer.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static CustomScaleLayer fromConfig(Config c) {
    return new CustomScaleLayer(c.getDouble("scale")).withBaseConfig(c);
  }
}
