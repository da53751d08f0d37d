package org.jeras.core.schedules;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/** Registers Keras's built-in learning-rate schedules ({@code keras.optimizers.schedules}). */
public final class SchedulesProvider implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins builtins) {
    add(builtins, "ExponentialDecay", ExponentialDecay::fromConfig);
    add(builtins, "InverseTimeDecay", InverseTimeDecay::fromConfig);
    add(builtins, "PiecewiseConstantDecay", PiecewiseConstantDecay::fromConfig);
    add(builtins, "PolynomialDecay", PolynomialDecay::fromConfig);
    add(builtins, "CosineDecay", CosineDecay::fromConfig);
    add(builtins, "CosineDecayRestarts", CosineDecayRestarts::fromConfig);
  }

  private static void add(Registry.Builtins builtins, String className, ObjectFactory<? extends LearningRateSchedule> f) {
    builtins.add(LearningRateSchedule.class, LearningRateSchedule.MODULE, className, config -> {
      try {
        return f.fromConfig(config);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("Invalid " + className + " config: " + e.getMessage(), e);
      }
    });
  }
}
