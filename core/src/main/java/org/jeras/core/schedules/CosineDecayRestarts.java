package org.jeras.core.schedules;

import org.jeras.core.config.Config;

/**
 * Cosine decay with warm restarts (SGDR): period {@code i} lasts {@code first_decay_steps * t_mul^i}
 * steps and starts from {@code lr0 * m_mul^i}.
 */
public final class CosineDecayRestarts implements LearningRateSchedule {
  private final double initialLearningRate;
  private final long firstDecaySteps;
  private final double tMul;
  private final double mMul;
  private final double alpha;
  private final String name;

  /**
   * Keras's {@code CosineDecayRestarts}.
   *
   * @param initialLearningRate the rate at step 0
   * @param firstDecaySteps the length of the first period
   * @param tMul the factor each period's length is multiplied by
   * @param mMul the factor each period's initial rate is multiplied by
   * @param alpha the minimum as a fraction of the initial rate
   * @param name the schedule's name, or null
   */
  public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul, double mMul, double alpha,
      String name) {
    this.initialLearningRate = initialLearningRate;
    this.firstDecaySteps = ScheduleArgs.positiveSteps("first_decay_steps", firstDecaySteps);
    this.tMul = tMul;
    this.mMul = mMul;
    this.alpha = alpha;
    this.name = name;
  }

  /**
   * Keras's defaults ({@code t_mul} 2, {@code m_mul} 1, {@code alpha} 0).
   *
   * @param initialLearningRate the rate at step 0
   * @param firstDecaySteps the length of the first period
   */
  public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps) {
    this(initialLearningRate, firstDecaySteps, 2.0, 1.0, 0.0, "SGDRDecay");
  }

  @Override
  public double at(long step) {
    float fraction = (float) step / (float) firstDecaySteps;
    float t = (float) tMul;
    float restart;
    if (t == 1f) {
      restart = (float) Math.floor(fraction);
      fraction -= restart;
    } else {
      // Periods grow geometrically: find the restart index from the closed-form sum of periods.
      restart = (float) Math.floor((float) Math.log(1f - fraction * (1f - t)) / (float) Math.log(t));
      float tPow = (float) Math.pow(t, restart);
      float periodsBefore = (1f - tPow) / (1f - t);
      fraction = (fraction - periodsBefore) / tPow;
    }
    float mFactor = (float) Math.pow((float) mMul, restart);
    float cosine = 0.5f * mFactor * (1f + (float) Math.cos((float) Math.PI * fraction));
    float a = (float) alpha;
    return (float) initialLearningRate * ((1f - a) * cosine + a);
  }

  @Override
  public Config getConfig() {
    return Config.empty()
        .put("initial_learning_rate", initialLearningRate)
        .put("first_decay_steps", firstDecaySteps)
        .put("t_mul", tMul)
        .put("m_mul", mMul)
        .put("alpha", alpha)
        .put("name", name);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the schedule's config
   * @return the schedule
   */
  public static CosineDecayRestarts fromConfig(Config c) {
    return new CosineDecayRestarts(c.getDouble("initial_learning_rate"), c.getLong("first_decay_steps"),
        c.getDouble("t_mul", 2.0), c.getDouble("m_mul", 1.0), c.getDouble("alpha", 0.0),
        c.getString("name", "SGDRDecay"));
  }
}
