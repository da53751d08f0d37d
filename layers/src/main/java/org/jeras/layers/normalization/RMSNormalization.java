package org.jeras.layers.normalization;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.initializers.Ones;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Axes;

/**
 * Root-mean-square normalization over {@code axis}, {@code x * rsqrt(mean(x^2) + epsilon) * scale},
 * with a learned {@code scale} of the normalized axes' sizes (Keras's {@code RMSNormalization});
 * computed in at least float32. The scale multiplies with NumPy broadcasting, as in Keras.
 */
public class RMSNormalization extends Layer {
  private final Axes axis;
  private final double epsilon;
  private Variable scale;

  /**
   * Keras's {@code RMSNormalization(axis, epsilon)}.
   *
   * @param axis the axis or axes normalized over
   * @param epsilon the small constant added to the mean square
   */
  public RMSNormalization(Axes axis, double epsilon) {
    this.axis = axis;
    this.epsilon = Args.nonNegative(className(), "epsilon", epsilon);
    this.supportsMasking = true;
  }

  /** Keras's {@code RMSNormalization()}: the last axis, epsilon 1e-6. */
  public RMSNormalization() {
    this(Axes.of(-1), 1e-6);
  }

  @Override
  protected void build(Shape inputShape) {
    int[] axes = axis.resolve(className(), inputShape.rank()).clone();
    Arrays.sort(axes);
    long[] shape = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      shape[i] = inputShape.get(axes[i]);
    }
    scale = addWeight("scale", shape, new Ones());
  }

  /** {@return the learned scale} */
  public Variable scale() {
    return scale;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    DType original = x.dtype();
    Tensor v = original == DType.FLOAT64 ? x : MathOps.cast(x, DType.FLOAT32);
    Tensor meanSquare = ReduceOps.mean(MathOps.square(v), true, axis.resolve(className(), x.rank()));
    Tensor normalized = MathOps.mul(v, MathOps.reciprocal(MathOps.sqrt(MathOps.add(meanSquare, epsilon))));
    return MathOps.cast(MathOps.mul(normalized, MathOps.cast(scale.read(), v.dtype())), original);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("axis", axis.json()).put("epsilon", epsilon);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RMSNormalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RMSNormalization fromConfig(Config c) {
    return new RMSNormalization(Axes.read(c, "axis", Axes.of(-1)), c.getDouble("epsilon", 1e-6)).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
