package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/** {@code lr0 / (1 + rate * step / decay_steps)}, with the ratio floored when {@code staircase}. */
public final class InverseTimeDecay extends StepDecay {
  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
    super(initialLearningRate, decaySteps, decayRate, staircase, name);
  }

  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "InverseTimeDecay");
  }

  @Override
  float decay(float initialRate, float rate, float p) {
    return initialRate / (1f + rate * p);
  }

  public static InverseTimeDecay fromConfig(Config c) {
    return new InverseTimeDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"),
        c.getDouble("decay_rate"), c.getBoolean("staircase", false), c.getString("name", "InverseTimeDecay"));
  }
}
