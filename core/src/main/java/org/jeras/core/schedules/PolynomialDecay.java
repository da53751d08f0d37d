package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/**
 * {@code (lr0 - end) * (1 - step / decay_steps) ^ power + end}; the step is capped at
 * {@code decay_steps}, or with {@code cycle} the horizon grows to the next multiple of it.
 */
public final class PolynomialDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double endLearningRate;
  private final double power;
  private final boolean cycle;
  private final String name;

  /**
   * Keras's {@code PolynomialDecay}.
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps to decay over
   * @param endLearningRate the rate after {@code decaySteps}
   * @param power the polynomial's power
   * @param cycle whether to restart after {@code decaySteps}
   * @param name the schedule's name, or null
   */
  public PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate, double power,
      boolean cycle, String name) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positiveSteps("decay_steps", decaySteps);
    this.endLearningRate = endLearningRate;
    this.power = power;
    this.cycle = cycle;
    this.name = name;
  }

  /**
   * Keras's defaults (to 1e-4, linearly, no cycle).
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps to decay over
   */
  public PolynomialDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, 0.0001, 1.0, false, "PolynomialDecay");
  }

  @Override
  public double at(long step) {
    float s = step;
    float horizon = decaySteps;
    if (cycle) {
      horizon *= s == 0 ? 1f : (float) Math.ceil(s / decaySteps);
    } else {
      s = Math.min(s, horizon);
    }
    float p = s / horizon;
    float end = (float) endLearningRate;
    return ((float) initialLearningRate - end) * (float) Math.pow(1f - p, (float) power) + end;
  }

  @Override
  public Config getConfig() {
    return Config.empty()
        .put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps)
        .put("end_learning_rate", endLearningRate)
        .put("power", power)
        .put("cycle", cycle)
        .put("name", name);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the schedule's config
   * @return the schedule
   */
  public static PolynomialDecay fromConfig(Config c) {
    return new PolynomialDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"),
        c.getDouble("end_learning_rate", 0.0001), c.getDouble("power", 1.0), c.getBoolean("cycle", false),
        c.getString("name", "PolynomialDecay"));
  }
}
