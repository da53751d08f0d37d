package org.jeras.core.schedules;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;

/**
 * Cosine decay from {@code lr0} to {@code alpha * lr0} over {@code decay_steps}; with a
 * {@code warmup_target}, first a linear ramp from {@code lr0} to the target over
 * {@code warmup_steps}, then the cosine decay starts from the target.
 */
public final class CosineDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double alpha;
  private final String name;
  private final Double warmupTarget;
  private final long warmupSteps;

  /**
   * Keras's {@code CosineDecay}, with optional linear warmup.
   *
   * @param initialLearningRate the rate at step 0 (after warmup)
   * @param decaySteps the number of steps to decay over
   * @param alpha the minimum as a fraction of the initial rate
   * @param name the schedule's name, or null
   * @param warmupTarget the rate reached at the end of warmup, or null for none
   * @param warmupSteps the number of warmup steps
   */
  public CosineDecay(double initialLearningRate, long decaySteps, double alpha, String name, Double warmupTarget,
      long warmupSteps) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positiveSteps("decay_steps", decaySteps);
    this.alpha = alpha;
    this.name = name;
    this.warmupTarget = warmupTarget;
    this.warmupSteps = warmupSteps;
  }

  /**
   * Cosine decay without warmup and to 0.
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps to decay over
   */
  public CosineDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, 0.0, "CosineDecay", null, 0);
  }

  @Override
  public double at(long step) {
    float lr0 = (float) initialLearningRate;
    float s = step;
    if (warmupTarget == null) {
      return decayed(Math.min(s, decaySteps), lr0);
    }
    float target = warmupTarget.floatValue();
    s = Math.min(s, (float) decaySteps + warmupSteps);
    if (s < warmupSteps) {
      return (target - lr0) * (s / warmupSteps) + lr0;
    }
    return decayed(s - warmupSteps, target);
  }

  private float decayed(float s, float from) {
    float cosine = 0.5f * (1f + (float) Math.cos((float) Math.PI * (s / decaySteps)));
    return from * ((1f - (float) alpha) * cosine + (float) alpha);
  }

  @Override
  public Config getConfig() {
    return Config.empty()
        .put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps)
        .put("alpha", alpha)
        .put("name", name)
        .put("warmup_target", warmupTarget == null ? JsonNull.INSTANCE
            : new JsonPrimitive(PyNumber.of(warmupTarget)))
        .put("warmup_steps", warmupSteps);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the schedule's config
   * @return the schedule
   */
  public static CosineDecay fromConfig(Config c) {
    return new CosineDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"), c.getDouble("alpha", 0.0),
        c.getString("name", "CosineDecay"), c.isSet("warmup_target") ? c.getDouble("warmup_target") : null,
        c.isSet("warmup_steps") ? c.getLong("warmup_steps") : 0);
  }
}
