package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/** {@code lr0 * rate ^ (step / decay_steps)}, with the exponent floored when {@code staircase}. */
public final class ExponentialDecay extends StepDecay {
  /**
   * Keras's {@code ExponentialDecay}: {@code initial * rate^(step / decaySteps)}.
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps per decay
   * @param decayRate the factor per {@code decaySteps}
   * @param staircase whether to decay in whole steps ({@code step / decaySteps} floored)
   * @param name the schedule's name, or null
   */
  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
    super(initialLearningRate, decaySteps, decayRate, staircase, name);
  }

  /**
   * Exponential decay without staircase.
   *
   * @param initialLearningRate the rate at step 0
   * @param decaySteps the number of steps per decay
   * @param decayRate the factor per {@code decaySteps}
   */
  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, false, "ExponentialDecay");
  }

  @Override
  float decay(float initialRate, float rate, float p) {
    return initialRate * (float) Math.pow(rate, p);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the schedule's config
   * @return the schedule
   */
  public static ExponentialDecay fromConfig(Config c) {
    return new ExponentialDecay(c.getDouble("initial_learning_rate"), c.getLong("decay_steps"),
        c.getDouble("decay_rate"), c.getBoolean("staircase", false), c.getString("name", "ExponentialDecay"));
  }
}
