package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/** {@code lr0 / (1 + rate * step / decay_steps)}, with the ratio floored when {@code staircase}. */
public final class InverseTimeDecay extends StepDecay {
  /**
   * Keras's {@code InverseTimeDecay}: {@code initial / (1 + rate * step / decaySteps)}.
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps per unit of decay
   * @param decayRate the decay rate
   * @param staircase whether to decay in whole steps ({@code step / decaySteps} floored)
   * @param name the schedule's name, or null
   */
  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
    super(initialLearningRate, decaySteps, decayRate, staircase, name);
  }

  /**
   * Inverse time decay without staircase.
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps per unit of decay
   * @param decayRate the decay rate
   */
  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "InverseTimeDecay");
  }

  @Override
  float decay(float initialRate, float rate, float p) {
    return initialRate / (1f + rate * p);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the schedule's config
   * @return the schedule
   */
  public static InverseTimeDecay fromConfig(Config c) {
    return new InverseTimeDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"),
        c.getDouble("decay_rate"), c.getBoolean("staircase", false), c.getString("name", "InverseTimeDecay"));
  }
}
