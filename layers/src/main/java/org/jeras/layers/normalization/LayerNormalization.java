package org.jeras.layers.normalization;

import org.jeras.core.layer.InputSpec;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NormOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Axes;

/**
 * Normalizes each sample over {@code axis} to zero mean and unit variance, then scales by
 * {@code gamma} and shifts by {@code beta} (Keras's {@code LayerNormalization}). Keras's
 * deprecated {@code rms_scaling} computes {@code x * rsqrt(variance + epsilon) * gamma} (the
 * variance, not the mean square, as Keras does) without {@code beta}. After building, {@code axis}
 * is the sorted list of non-negative axes, as Keras writes it.
 */
public class LayerNormalization extends AffineNormalization {
  private Axes axis;
  private boolean rmsScaling;
  private int[] axes;

  /**
   * Keras's {@code LayerNormalization(axis)}, epsilon 1e-3.
   *
   * @param axis the axis or axes normalized over
   */
  public LayerNormalization(Axes axis) {
    super(1e-3);
    this.axis = axis;
  }

  /** Keras's {@code LayerNormalization()}: every argument at its default. */
  public LayerNormalization() {
    this(Axes.of(-1));
  }

  /**
   * Sets Keras's {@code rms_scaling}: scale by the root mean square only, without centering.
   *
   * @param rmsScaling whether to
   * @return this layer
   */
  public LayerNormalization rmsScaling(boolean rmsScaling) {
    this.rmsScaling = rmsScaling;
    return this;
  }

  /** {@return the axis or axes normalized over} */
  public Axes axis() {
    return axis;
  }

  @Override
  protected void build(Shape inputShape) {
    axes = axis.resolve(className(), inputShape.rank());
    axis = Axes.list(axes);
    long[] shape = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      shape[i] = inputShape.get(axes[i]);
    }
    // Not in Keras (whose LayerNormalization declares no spec): the normalized axes must exist and
    // keep the sizes the scale and offset were made for.
    InputSpec.Builder spec = InputSpec.builder().minNdim(Arrays.stream(axes).max().orElse(0) + 1);
    for (int a : axes) {
      spec.axis(a, inputShape.get(a));
    }
    setInputSpec(spec.build());
    buildScaleOffset(shape, scale || rmsScaling, center && !rmsScaling);
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    long[] shape = new long[x.rank()];
    Arrays.fill(shape, 1);
    for (int a : axes) {
      shape[a] = x.shape().get(a);
    }
    Tensor y;
    if (rmsScaling) {
      Tensor variance = NormOps.moments(x, true, axes)[1];
      y = MathOps.mul(x, MathOps.pow(MathOps.add(variance, epsilon), -0.5));
    } else {
      y = NormOps.standardize(x, epsilon, axes);
    }
    return MathOps.cast(scaleAndOffset(y, shape), computeDtype());
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig()
        .put("axis", axis.json())
        .put("epsilon", epsilon)
        .put("center", center)
        .put("scale", scale)
        .put("rms_scaling", rmsScaling);
    putInitializers(c);
    putRegularizersAndConstraints(c);
    return c;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code LayerNormalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static LayerNormalization fromConfig(Config c) {
    LayerNormalization l = new LayerNormalization(Axes.read(c, "axis", Axes.of(-1)));
    l.rmsScaling = c.getBoolean("rms_scaling", false);
    return l.readAffine(c, 1e-3);
  }
}
