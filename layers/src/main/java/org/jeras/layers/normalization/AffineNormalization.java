package org.jeras.layers.normalization;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * What Keras's normalization layers share: {@code epsilon}, and a learned scale {@code gamma}
 * ({@code scale=True}) and offset {@code beta} ({@code center=True}), created in that order, with
 * their initializers, regularizers and constraints under Keras's config keys.
 */
public abstract class AffineNormalization extends Layer implements HasWeightSpecs<AffineNormalization> {
  /** The small constant added to the variance (Keras's {@code epsilon}). */
  protected double epsilon;
  /** Whether the learned offset {@code beta} is added (Keras's {@code center}). */
  protected boolean center = true;
  /** Whether the learned factor {@code gamma} multiplies (Keras's {@code scale}). */
  protected boolean scale = true;
  private final WeightSpecs specs = new WeightSpecs("beta", "zeros", "gamma", "ones");
  /** The learned factor, or null without {@code scale}. */
  protected Variable gamma;
  /** The learned offset, or null without {@code center}. */
  protected Variable beta;

  /**
   * A normalization with learned factor and offset.
   *
   * @param epsilon the small constant added to the variance
   */
  protected AffineNormalization(double epsilon) {
    this.epsilon = epsilon;
    this.supportsMasking = true;
  }

  /** Settings of {@code beta} and {@code gamma}. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the learned factor, or null without {@code scale}} */
  public Variable gamma() {
    return gamma;
  }

  /** {@return the learned offset, or null without {@code center}} */
  public Variable beta() {
    return beta;
  }

  /**
   * Creates {@code gamma} (when {@code withGamma}) and then {@code beta} (when {@code withBeta}) of {@code shape}.
   *
   * @param shape the vectors' shape
   * @param withGamma whether to create {@code gamma}
   * @param withBeta whether to create {@code beta}
   */
  protected void buildScaleOffset(long[] shape, boolean withGamma, boolean withBeta) {
    if (withGamma) {
      gamma = addWeight("gamma", shape, specs, "gamma");
    }
    if (withBeta) {
      beta = addWeight("beta", shape, specs, "beta");
    }
  }

  /**
   * {@code y * gamma + beta} (whichever exist), the vectors reshaped to {@code shape} and cast to y's dtype.
   *
   * @param y the normalized input
   * @param shape the shape the vectors broadcast from
   * @return the result
   */
  protected Tensor scaleAndOffset(Tensor y, long[] shape) {
    if (gamma != null) {
      y = MathOps.mul(y, read(gamma, y, shape));
    }
    if (beta != null) {
      y = MathOps.add(y, read(beta, y, shape));
    }
    return y;
  }

  /**
   * {@code v} cast to the dtype of {@code like} and reshaped to {@code shape}.
   *
   * @param v the variable
   * @param like the tensor whose dtype to take
   * @param shape the shape
   * @return the variable's value
   */
  protected static Tensor read(Variable v, Tensor like, long[] shape) {
    return ArrayOps.reshape(MathOps.cast(v.read(), like.dtype()), shape);
  }

  /** Keras computes normalizations in the input's precision (at least float32), not an autocast one. */
  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  // ------------------------------------------------------------------ config

  /**
   * Writes {@code beta_initializer} and {@code gamma_initializer}.
   *
   * @param c the layer's config
   */
  protected void putInitializers(Config c) {
    specs.putInitializers(c);
  }

  /**
   * Writes the regularizers and constraints of {@code beta} and {@code gamma}.
   *
   * @param c the layer's config
   */
  protected void putRegularizersAndConstraints(Config c) {
    specs.putRegularizers(c);
    specs.putConstraints(c);
  }

  /**
   * Reads epsilon, center, scale and the gamma/beta settings, then the base keys; returns this layer.
   *
   * @param <L> this layer's class
   * @param c the layer's config
   * @param defaultEpsilon the class's default epsilon
   * @return this layer
   */
  protected <L extends AffineNormalization> L readAffine(Config c, double defaultEpsilon) {
    epsilon = Args.nonNegative(className(), "epsilon", c.getDouble("epsilon", defaultEpsilon));
    center = c.getBoolean("center", true);
    scale = c.getBoolean("scale", true);
    specs.read(c);
    return withBaseConfig(c);
  }

  // ------------------------------------------------------------------ fluent settings

  @SuppressWarnings("unchecked")
  private <L extends AffineNormalization> L self() {
    return (L) this;
  }

  /**
   * Sets the small constant added to the variance (Keras's {@code epsilon}).
   *
   * @param <L> this layer's class
   * @param epsilon the constant
   * @return this layer
   */
  public <L extends AffineNormalization> L epsilon(double epsilon) {
    this.epsilon = epsilon;
    return self();
  }

  /**
   * Sets whether the learned offset is added (Keras's {@code center}).
   *
   * @param <L> this layer's class
   * @param center whether it is
   * @return this layer
   */
  public <L extends AffineNormalization> L center(boolean center) {
    this.center = center;
    return self();
  }

  /**
   * Sets whether the learned factor multiplies (Keras's {@code scale}).
   *
   * @param <L> this layer's class
   * @param scale whether it does
   * @return this layer
   */
  public <L extends AffineNormalization> L scale(boolean scale) {
    this.scale = scale;
    return self();
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
