package org.jeras.layers.normalization;

import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Defaults;

/**
 * What Keras's normalization layers share: {@code epsilon}, and a learned scale {@code gamma}
 * ({@code scale=True}) and offset {@code beta} ({@code center=True}), created in that order, with
 * their initializers, regularizers and constraints under Keras's config keys.
 */
public abstract class AffineNormalization extends Layer {
  protected double epsilon;
  protected boolean center = true;
  protected boolean scale = true;
  private Initializer betaInitializer = Defaults.initializer("zeros");
  private Initializer gammaInitializer = Defaults.initializer("ones");
  private Regularizer betaRegularizer;
  private Regularizer gammaRegularizer;
  private Constraint betaConstraint;
  private Constraint gammaConstraint;
  protected Variable gamma;
  protected Variable beta;

  protected AffineNormalization(double epsilon) {
    this.epsilon = epsilon;
    this.supportsMasking = true;
  }

  public Variable gamma() {
    return gamma;
  }

  public Variable beta() {
    return beta;
  }

  /** Creates {@code gamma} (when {@code withGamma}) and then {@code beta} (when {@code withBeta}) of {@code shape}. */
  protected void buildScaleOffset(long[] shape, boolean withGamma, boolean withBeta) {
    if (withGamma) {
      gamma = addWeight("gamma", shape, gammaInitializer, gammaRegularizer, gammaConstraint, true);
    }
    if (withBeta) {
      beta = addWeight("beta", shape, betaInitializer, betaRegularizer, betaConstraint, true);
    }
  }

  /** {@code y * gamma + beta} (whichever exist), the vectors reshaped to {@code shape} and cast to y's dtype. */
  protected Tensor scaleAndOffset(Tensor y, long[] shape) {
    if (gamma != null) {
      y = MathOps.mul(y, read(gamma, y, shape));
    }
    if (beta != null) {
      y = MathOps.add(y, read(beta, y, shape));
    }
    return y;
  }

  /** {@code v} cast to the dtype of {@code like} and reshaped to {@code shape}. */
  protected static Tensor read(Variable v, Tensor like, long[] shape) {
    return ArrayOps.reshape(MathOps.cast(v.read(), like.dtype()), shape);
  }

  /** Keras computes normalizations in the input's precision (at least float32), not an autocast one. */
  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  // ------------------------------------------------------------------ config

  protected void putInitializers(Config c) {
    c.put("beta_initializer", Serialization.serialize(betaInitializer))
        .put("gamma_initializer", Serialization.serialize(gammaInitializer));
  }

  protected void putRegularizersAndConstraints(Config c) {
    c.put("beta_regularizer", Serialization.serialize(betaRegularizer))
        .put("gamma_regularizer", Serialization.serialize(gammaRegularizer))
        .put("beta_constraint", Serialization.serialize(betaConstraint))
        .put("gamma_constraint", Serialization.serialize(gammaConstraint));
  }

  /** Reads epsilon, center, scale and the gamma/beta settings, then the base keys; returns this layer. */
  protected <L extends AffineNormalization> L readAffine(Config c, double defaultEpsilon) {
    epsilon = c.getDouble("epsilon", defaultEpsilon);
    center = c.getBoolean("center", true);
    scale = c.getBoolean("scale", true);
    if (c.isSet("beta_initializer")) {
      betaInitializer = Serialization.deserialize(c.get("beta_initializer"), Initializer.class);
    }
    if (c.isSet("gamma_initializer")) {
      gammaInitializer = Serialization.deserialize(c.get("gamma_initializer"), Initializer.class);
    }
    betaRegularizer = Serialization.deserialize(c.getOrNull("beta_regularizer"), Regularizer.class);
    gammaRegularizer = Serialization.deserialize(c.getOrNull("gamma_regularizer"), Regularizer.class);
    betaConstraint = Serialization.deserialize(c.getOrNull("beta_constraint"), Constraint.class);
    gammaConstraint = Serialization.deserialize(c.getOrNull("gamma_constraint"), Constraint.class);
    return withBaseConfig(c);
  }

  // ------------------------------------------------------------------ fluent settings

  @SuppressWarnings("unchecked")
  private <L extends AffineNormalization> L self() {
    return (L) this;
  }

  public <L extends AffineNormalization> L epsilon(double epsilon) {
    this.epsilon = epsilon;
    return self();
  }

  public <L extends AffineNormalization> L center(boolean center) {
    this.center = center;
    return self();
  }

  public <L extends AffineNormalization> L scale(boolean scale) {
    this.scale = scale;
    return self();
  }

  public <L extends AffineNormalization> L betaInitializer(Initializer i) {
    this.betaInitializer = i;
    return self();
  }

  public <L extends AffineNormalization> L gammaInitializer(Initializer i) {
    this.gammaInitializer = i;
    return self();
  }

  public <L extends AffineNormalization> L betaRegularizer(Regularizer r) {
    this.betaRegularizer = r;
    return self();
  }

  public <L extends AffineNormalization> L gammaRegularizer(Regularizer r) {
    this.gammaRegularizer = r;
    return self();
  }

  public <L extends AffineNormalization> L betaConstraint(Constraint c) {
    this.betaConstraint = c;
    return self();
  }

  public <L extends AffineNormalization> L gammaConstraint(Constraint c) {
    this.gammaConstraint = c;
    return self();
  }
}
