package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/** {@code lr0 * rate ^ (step / decay_steps)}, with the exponent floored when {@code staircase}. */
public final class ExponentialDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;
  private final String name;

  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positiveSteps("decay_steps", decaySteps);
    this.decayRate = decayRate;
    this.staircase = staircase;
    this.name = name;
  }

  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "ExponentialDecay");
  }

  @Override
  public double at(long step) {
    float p = (float) step / (float) decaySteps;
    if (staircase) {
      p = (float) Math.floor(p);
    }
    return (float) initialLearningRate * (float) Math.pow((float) decayRate, p);
  }

  @Override
  public Config getConfig() {
    return Config.empty()
        .put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps)
        .put("decay_rate", decayRate)
        .put("staircase", staircase)
        .put("name", name);
  }

  public static ExponentialDecay fromConfig(Config c) {
    return new ExponentialDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"),
        c.getDouble("decay_rate"), c.getBoolean("staircase", false), c.getString("name", "ExponentialDecay"));
  }
}
