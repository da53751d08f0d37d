package org.jeras.layers.applications;

import org.jeras.core.config.Config;
import org.jeras.core.config.Registry;
import org.jeras.core.initializers.Constant;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Multiplies the last axis by a learned per-channel {@code gamma} of size {@code projection_dim},
 * initialized to {@code init_values} (Keras's ConvNeXt {@code LayerScale}).
 */
public class LayerScale extends Layer {
  private final double initValues;
  private final int projectionDim;
  private Variable gamma;

  /**
   * Keras's {@code LayerScale(init_values, projection_dim)}.
   *
   * @param initValues the initial value of every learned factor
   * @param projectionDim the number of learned factors (the input's last size)
   */
  public LayerScale(double initValues, int projectionDim) {
    this.initValues = initValues;
    this.projectionDim = Args.positive(className(), "projection_dim", projectionDim);
  }

  @Override
  protected void build(Shape inputShape) {
    gamma = addWeight("gamma", new long[] {projectionDim}, new Constant(initValues));
  }

  /** {@return the learned scale} */
  public Variable gamma() {
    return gamma;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return MathOps.mul(x, MathOps.cast(gamma.read(), x.dtype()));
  }

  @Override
  public String module() {
    return Registry.moduleOf(this, ApplicationLayers.CONVNEXT);
  }

  @Override
  public String registeredName() {
    return ApplicationLayers.registeredName(this);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("init_values", initValues).put("projection_dim", projectionDim);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code LayerScale.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static LayerScale fromConfig(Config c) {
    return new LayerScale(c.getDouble("init_values"), c.getInt("projection_dim")).withBaseConfig(c);
  }
}
