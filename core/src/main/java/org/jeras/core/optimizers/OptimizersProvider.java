package org.jeras.core.optimizers;

import java.util.Locale;
import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/**
 * Registers Keras's built-in optimizers. Like {@code keras.optimizers.get}, the lower-case class
 * name works as a string shorthand ({@code "adam"}) and as a case-insensitive {@code class_name}.
 * Torch-saved files name a backend module ({@code keras.src.backend.torch.optimizers.torch_adam});
 * those resolve by class name.
 */
public final class OptimizersProvider implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins builtins) {
    add(builtins, "SGD", SGD::fromConfig);
    add(builtins, "Adam", Adam::fromConfig);
    add(builtins, "AdamW", AdamW::fromConfig);
    add(builtins, "RMSprop", RMSprop::fromConfig);
    add(builtins, "Adagrad", Adagrad::fromConfig);
    add(builtins, "Adadelta", Adadelta::fromConfig);
    add(builtins, "Adamax", Adamax::fromConfig);
    add(builtins, "Nadam", Nadam::fromConfig);
    add(builtins, "Lion", Lion::fromConfig);
    add(builtins, "Ftrl", Ftrl::fromConfig);
    add(builtins, "Lamb", Lamb::fromConfig);
    add(builtins, "Adafactor", Adafactor::fromConfig);
    add(builtins, "Muon", Muon::fromConfig);
    add(builtins, "LossScaleOptimizer", LossScaleOptimizer::fromConfig);
    add(builtins, "ScheduleFreeAdamW", ScheduleFreeAdamW::fromConfig);
  }

  private static void add(Registry.Builtins builtins, String className, ObjectFactory<? extends Optimizer> f) {
    ObjectFactory<Optimizer> checked = config -> {
      try {
        return f.fromConfig(config);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("Invalid " + className + " config: " + e.getMessage(), e);
      }
    };
    String lower = className.toLowerCase(Locale.ROOT);
    builtins.add(Optimizer.class, Optimizer.MODULE, className, checked);
    builtins.add(Optimizer.class, Optimizer.MODULE, lower, checked);
    builtins.alias(Optimizer.class, lower, checked);
  }
}
