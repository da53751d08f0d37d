package org.jeras.core.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code LossScaleOptimizer}: dynamic loss scaling around an inner optimizer. Training
 * multiplies the loss by {@code dynamic_scale} ({@link #scaleLoss}); a step whose gradients are all
 * finite divides them by the scale, lets the inner optimizer apply them, and doubles the scale
 * after {@code dynamic_growth_steps} such steps in a row; a step with a non-finite gradient
 * changes no weight, halves the scale and restarts the count.
 *
 * <p>Its variables are its own {@code iteration} and {@code learning_rate} (0, unused),
 * {@code step_counter} and {@code dynamic_scale} (created on build), then the inner optimizer's; the
 * learning rate and iterations it reports are the inner optimizer's.
 */
public final class LossScaleOptimizer extends Optimizer {
  /** Base arguments Keras refuses unless at their defaults: they belong on the inner optimizer. */
  private static final Map<String, Object> BASE_DEFAULTS = Map.of("use_ema", false, "ema_momentum", 0.99);
  private static final List<String> BASE_NULLS = List.of("weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
      "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps");

  private final Optimizer inner;
  private final double initialScale;
  private final int dynamicGrowthSteps;
  private Variable stepCounter;
  private Variable dynamicScale;

  /**
   * Keras's {@code LossScaleOptimizer(inner_optimizer, initial_scale, dynamic_growth_steps)}.
   *
   * @param inner the optimizer applying the unscaled gradients
   * @param initialScale the first loss scale
   * @param dynamicGrowthSteps finite steps in a row after which the scale doubles
   * @param name the optimizer's name, or null for {@code loss_scale_optimizer}
   */
  public LossScaleOptimizer(Optimizer inner, double initialScale, int dynamicGrowthSteps, String name) {
    super(OptimizerOptions.of(0.0).withName(name));
    if (inner instanceof LossScaleOptimizer) {
      throw new IllegalArgumentException("LossScaleOptimizer cannot wrap another LossScaleOptimizer");
    }
    if (inner.options().lossScaleFactor() != null) {
      throw new IllegalArgumentException("The inner optimizer of a LossScaleOptimizer must not set loss_scale_factor");
    }
    if (dynamicGrowthSteps < 1) {
      throw new IllegalArgumentException("dynamic_growth_steps must be at least 1, got " + dynamicGrowthSteps);
    }
    this.inner = inner;
    this.initialScale = initialScale;
    this.dynamicGrowthSteps = dynamicGrowthSteps;
  }

  /**
   * Keras's defaults: initial scale 2^15, doubling after 2000 finite steps.
   *
   * @param inner the optimizer applying the unscaled gradients
   */
  public LossScaleOptimizer(Optimizer inner) {
    this(inner, 32768.0, 2000, null);
  }

  /** {@return the optimizer applying the unscaled gradients} */
  public Optimizer innerOptimizer() {
    return inner;
  }

  /** {@return the current loss scale ({@code initial_scale} before build)} */
  public double dynamicScale() {
    return dynamicScale == null ? initialScale : dynamicScale.array().getFloat(0);
  }

  @Override
  public void build(List<Variable> vars) {
    if (isBuilt()) {
      return;
    }
    stepCounter = track(new Variable("step_counter", name() + "/step_counter", Nd4j.scalar(DataType.INT, 0), false));
    dynamicScale = track(new Variable("dynamic_scale", name() + "/dynamic_scale",
        Nd4j.scalar((float) initialScale), false));
    inner.build(vars);
    super.build(vars);
  }

  @Override
  protected void createSlots(List<Variable> vars) {}

  @Override
  protected void updateStep(int index, INDArray gradient, INDArray variable, float learningRate) {
    throw new IllegalStateException("LossScaleOptimizer delegates its updates to its inner optimizer");
  }

  @Override
  public void applyGradients(List<INDArray> grads, List<Variable> vars) {
    if (grads.size() != vars.size()) {
      throw new IllegalArgumentException("Got " + grads.size() + " gradients for " + vars.size() + " variables");
    }
    build(vars);
    boolean finite = true;
    for (INDArray g : grads) {
      if (g != null && !allFinite(g)) {
        finite = false;
        break;
      }
    }
    INDArray scale = dynamicScale.array();
    INDArray count = stepCounter.array();
    if (!finite) {
      count.assign(0);
      scale.muli(0.5f);
      return;
    }
    float s = scale.getFloat(0);
    List<INDArray> unscaled = new ArrayList<>(grads.size());
    for (INDArray g : grads) {
      unscaled.add(g == null ? null : g.castTo(DataType.FLOAT).div(s).castTo(g.dataType()));
    }
    inner.applyGradients(unscaled, vars);
    if (count.getInt(0) == dynamicGrowthSteps - 1) {
      count.assign(0);
      scale.muli(2f);
    } else {
      count.addi(1);
    }
  }

  private static boolean allFinite(INDArray g) {
    for (double v : g.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector()) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** The loss times the current scale (the initial scale before build). */
  @Override
  public Tensor scaleLoss(Tensor loss) {
    return MathOps.mul(loss, dynamicScale());
  }

  /** Own variables, then the inner optimizer's (Keras's order). */
  @Override
  public List<Variable> variables() {
    List<Variable> all = new ArrayList<>(super.variables());
    all.addAll(inner.variables());
    return List.copyOf(all);
  }

  @Override
  public long iterations() {
    return inner.iterations();
  }

  @Override
  public double learningRate() {
    return inner.learningRate();
  }

  @Override
  public void setLearningRate(double value) {
    inner.setLearningRate(value);
  }

  @Override
  public void finalizeVariableValues(List<Variable> vars) {
    inner.finalizeVariableValues(vars);
  }

  /** Keras's config: name, the serialized inner optimizer, initial_scale, dynamic_growth_steps. */
  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).put("inner_optimizer", Serialization.serialize(inner))
        .put("initial_scale", initialScale).put("dynamic_growth_steps", dynamicGrowthSteps);
  }

  /**
   * Keras's {@code from_config}: the inner optimizer is deserialized first; base optimizer
   * arguments other than their defaults, and {@code dynamic=false}, are refused as in Keras.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static LossScaleOptimizer fromConfig(Config c) {
    if (c.has("dynamic") && !c.getBoolean("dynamic")) {
      throw new ConfigException("LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
          + "`loss_scale_factor` directly on the `inner_optimizer`.");
    }
    for (String key : BASE_NULLS) {
      if (c.isSet(key)) {
        throw unsupported(key);
      }
    }
    if (c.has("use_ema") && c.getBoolean("use_ema") != (Boolean) BASE_DEFAULTS.get("use_ema")) {
      throw unsupported("use_ema");
    }
    if (c.has("ema_momentum") && c.getDouble("ema_momentum") != (Double) BASE_DEFAULTS.get("ema_momentum")) {
      throw unsupported("ema_momentum");
    }
    if (!c.isSet("inner_optimizer")) {
      throw new ConfigException("Config key 'inner_optimizer' is required for LossScaleOptimizer");
    }
    Optimizer inner = Serialization.deserialize(c.get("inner_optimizer"), Optimizer.class);
    return new LossScaleOptimizer(inner, c.getDouble("initial_scale", 32768.0), c.getInt("dynamic_growth_steps", 2000),
        c.getString("name", null));
  }

  private static ConfigException unsupported(String key) {
    return new ConfigException("LossScaleOptimizer does not support `" + key + "`. Instead, set `" + key
        + "` on the `inner_optimizer`.");
  }
}
