package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/**
 * The shape shared by {@link ExponentialDecay} and {@link InverseTimeDecay}: a decay of
 * {@code initial_learning_rate} driven by {@code step / decay_steps} (floored when
 * {@code staircase}) and {@code decay_rate}, in float32 as Keras computes it.
 */
abstract class StepDecay implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;
  private final String name;

  StepDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase, String name) {
    this.initialLearningRate = initialLearningRate;
    this.decaySteps = ScheduleArgs.positiveSteps("decay_steps", decaySteps);
    this.decayRate = decayRate;
    this.staircase = staircase;
    this.name = name;
  }

  /** The rate at progress {@code p = step / decay_steps}. */
  abstract float decay(float initialRate, float rate, float p);

  @Override
  public final double at(long step) {
    float p = (float) step / (float) decaySteps;
    if (staircase) {
      p = (float) Math.floor(p);
    }
    return decay((float) initialLearningRate, (float) decayRate, p);
  }

  @Override
  public final Config getConfig() {
    return Config.empty()
        .put("initial_learning_rate", initialLearningRate)
        .put("decay_steps", decaySteps)
        .put("decay_rate", decayRate)
        .put("staircase", staircase)
        .put("name", name);
  }
}
