package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/** {@code lr0 * rate ^ (step / decay_steps)}, with the exponent floored when {@code staircase}. */
public final class ExponentialDecay extends StepDecay {
  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
    super(initialLearningRate, decaySteps, decayRate, staircase, name);
  }

  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "ExponentialDecay");
  }

  @Override
  float decay(float initialRate, float rate, float p) {
    return initialRate * (float) Math.pow(rate, p);
  }

  public static ExponentialDecay fromConfig(Config c) {
    return new ExponentialDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"),
        c.getDouble("decay_rate"), c.getBoolean("staircase", false), c.getString("name", "ExponentialDecay"));
  }
}
