package org.jeras.core.optimizers;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.schedules.LearningRateSchedule;

/**
 * The arguments every Keras optimizer takes (Keras's {@code base_optimizer_keyword_args}), with
 * Keras's defaults. Either {@code learningRate} or a {@code schedule} (non-null) gives the rate; a
 * null {@code name} gets an automatic one ({@code adam}, {@code adam_1}, ...). Nullable numbers
 * are Keras's {@code None}.
 */
public record OptimizerOptions(
    String name,
    double learningRate,
    LearningRateSchedule schedule,
    Double weightDecay,
    Double clipnorm,
    Double clipvalue,
    Double globalClipnorm,
    boolean useEma,
    double emaMomentum,
    Integer emaOverwriteFrequency,
    Double lossScaleFactor,
    Integer gradientAccumulationSteps) {

  /**
   * Checks that at most one of {@code clipnorm}, {@code clipvalue}, {@code global_clipnorm} is set.
   *
   * @param name the name, or null for an automatic one
   * @param learningRate the constant learning rate (ignored with a schedule)
   * @param schedule the learning-rate schedule, or null
   * @param weightDecay Keras's {@code weight_decay}, or null
   * @param clipnorm Keras's {@code clipnorm}, or null
   * @param clipvalue Keras's {@code clipvalue}, or null
   * @param globalClipnorm Keras's {@code global_clipnorm}, or null
   * @param useEma Keras's {@code use_ema}
   * @param emaMomentum Keras's {@code ema_momentum}
   * @param emaOverwriteFrequency Keras's {@code ema_overwrite_frequency}, or null
   * @param lossScaleFactor Keras's {@code loss_scale_factor}, or null
   * @param gradientAccumulationSteps Keras's {@code gradient_accumulation_steps}, or null
   */
  public OptimizerOptions {
    int clips = (clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0) + (globalClipnorm != null ? 1 : 0);
    if (clips > 1) {
      throw new IllegalArgumentException("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
          + "Received: clipnorm=" + clipnorm + ", clipvalue=" + clipvalue + ", global_clipnorm=" + globalClipnorm);
    }
    if (gradientAccumulationSteps != null && gradientAccumulationSteps != 0 && gradientAccumulationSteps < 2) {
      throw new IllegalArgumentException("`gradient_accumulation_steps` must be an integer >= 2. Received: "
          + "gradient_accumulation_steps=" + gradientAccumulationSteps);
    }
    if (useEma && (emaMomentum < 0 || emaMomentum > 1)) {
      throw new IllegalArgumentException("`ema_momentum` must be in the range [0, 1]. Received: ema_momentum="
          + emaMomentum);
    }
    if (useEma && emaOverwriteFrequency != null && emaOverwriteFrequency != 0 && emaOverwriteFrequency < 1) {
      throw new IllegalArgumentException("`ema_overwrite_frequency` must be an integer >= 1 or None. Received: "
          + "ema_overwrite_frequency=" + emaOverwriteFrequency);
    }
  }

  /**
   * Defaults with a constant learning rate.
   *
   * @param learningRate the learning rate
   * @return the options
   */
  public static OptimizerOptions of(double learningRate) {
    return new OptimizerOptions(null, learningRate, null, null, null, null, null, false, 0.99, null, null, null);
  }

  /**
   * Defaults with a learning-rate schedule.
   *
   * @param schedule the schedule
   * @return the options
   */
  public static OptimizerOptions of(LearningRateSchedule schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException("schedule must not be null");
    }
    return new OptimizerOptions(null, Double.NaN, schedule, null, null, null, null, false, 0.99, null, null, null);
  }

  /**
   * {@return these options with another name}
   *
   * @param n the name
   */
  public OptimizerOptions withName(String n) {
    return new OptimizerOptions(n, learningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm, useEma,
        emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps);
  }

  /**
   * {@return these options with Keras's {@code weight_decay}}
   *
   * @param wd the decay, or null for none
   */
  public OptimizerOptions withWeightDecay(Double wd) {
    return new OptimizerOptions(name, learningRate, schedule, wd, clipnorm, clipvalue, globalClipnorm, useEma,
        emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps);
  }

  /**
   * {@return these options with Keras's {@code clipnorm}}
   *
   * @param c the per-variable gradient norm limit, or null
   */
  public OptimizerOptions withClipnorm(Double c) {
    return new OptimizerOptions(name, learningRate, schedule, weightDecay, c, clipvalue, globalClipnorm, useEma,
        emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps);
  }

  /**
   * {@return these options with Keras's {@code clipvalue}}
   *
   * @param c the gradient value limit, or null
   */
  public OptimizerOptions withClipvalue(Double c) {
    return new OptimizerOptions(name, learningRate, schedule, weightDecay, clipnorm, c, globalClipnorm, useEma,
        emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps);
  }

  /**
   * {@return these options with Keras's {@code global_clipnorm}}
   *
   * @param c the global gradient norm limit, or null
   */
  public OptimizerOptions withGlobalClipnorm(Double c) {
    return new OptimizerOptions(name, learningRate, schedule, weightDecay, clipnorm, clipvalue, c, useEma,
        emaMomentum, emaOverwriteFrequency, lossScaleFactor, gradientAccumulationSteps);
  }

  /**
   * Exponential moving average of the weights; {@code overwriteFrequency} may be null.
   *
   * @param momentum Keras's {@code ema_momentum}
   * @param overwriteFrequency Keras's {@code ema_overwrite_frequency}
   * @return these options with EMA on
   */
  public OptimizerOptions withEma(double momentum, Integer overwriteFrequency) {
    return new OptimizerOptions(name, learningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm, true,
        momentum, overwriteFrequency, lossScaleFactor, gradientAccumulationSteps);
  }

  /**
   * {@return these options with Keras's {@code loss_scale_factor}}
   *
   * @param f the factor, or null
   */
  public OptimizerOptions withLossScaleFactor(Double f) {
    return new OptimizerOptions(name, learningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm, useEma,
        emaMomentum, emaOverwriteFrequency, f, gradientAccumulationSteps);
  }

  /**
   * {@return these options with Keras's {@code gradient_accumulation_steps}}
   *
   * @param steps the number of steps, or null
   */
  public OptimizerOptions withGradientAccumulationSteps(Integer steps) {
    return new OptimizerOptions(name, learningRate, schedule, weightDecay, clipnorm, clipvalue, globalClipnorm, useEma,
        emaMomentum, emaOverwriteFrequency, lossScaleFactor, steps);
  }

  /**
   * Reads the base keys of an optimizer config. Keys that neither this nor the subclass's
   * {@code fromConfig} reads are refused when the optimizer is deserialized ({@link Optimizer} is a
   * {@link org.jeras.core.config.Serialization.StrictKeys}).
   *
   * @param c the optimizer's config
   * @param defaultLearningRate the optimizer's default learning rate
   * @return the options
   */
  public static OptimizerOptions fromConfig(Config c, double defaultLearningRate) {
    JsonElement lr = c.getOrNull("learning_rate");
    OptimizerOptions base;
    if (lr.isJsonNull()) {
      base = of(defaultLearningRate);
    } else if (lr.isJsonObject()) {
      base = of(Serialization.deserialize(lr, LearningRateSchedule.class));
    } else {
      base = of(c.getDouble("learning_rate"));
    }
    return new OptimizerOptions(c.getString("name", null), base.learningRate, base.schedule,
        nullableDouble(c, "weight_decay"), nullableDouble(c, "clipnorm"), nullableDouble(c, "clipvalue"),
        nullableDouble(c, "global_clipnorm"), c.getBoolean("use_ema", false), c.getDouble("ema_momentum", 0.99),
        c.getIntOrNull("ema_overwrite_frequency"), nullableDouble(c, "loss_scale_factor"),
        c.getIntOrNull("gradient_accumulation_steps"));
  }

  private static Double nullableDouble(Config c, String key) {
    return c.isSet(key) ? c.getDouble(key) : null;
  }
}
