package org.jeras.layers.normalization;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.NormOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Axes;

/** Scales each sample to unit L2 norm over {@code axis}: {@code x * rsqrt(max(sum(x^2), 1e-24))} (Keras's {@code UnitNormalization}). */
public class UnitNormalization extends Layer {
  private final Axes axis;

  /**
   * Keras's {@code UnitNormalization(axis)}.
   *
   * @param axis the axis or axes normalized over
   */
  public UnitNormalization(Axes axis) {
    buildAtInit();
    this.axis = axis;
    this.supportsMasking = true;
  }

  /** Keras's {@code UnitNormalization()}: every argument at its default. */
  public UnitNormalization() {
    this(Axes.of(-1));
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return NormOps.l2Normalize(x, 1e-12, axis.resolve(className(), x.rank()));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("axis", axis.json());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code UnitNormalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static UnitNormalization fromConfig(Config c) {
    return new UnitNormalization(Axes.read(c, "axis", Axes.of(-1))).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    axis.resolve(className(), inputShape.rank()); // refuse a bad axis at the symbolic call, as the eager one does
    return inputShape;
  }
}
