package org.jeras.core.constraints;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/** Registers Keras's constraints under their class names and snake_case names. */
public final class ConstraintsProvider implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    add(b, "MaxNorm", MaxNorm::fromConfig, "max_norm");
    add(b, "MinMaxNorm", MinMaxNorm::fromConfig, "min_max_norm");
    add(b, "NonNeg", NonNeg::fromConfig, "non_neg");
    add(b, "UnitNorm", UnitNorm::fromConfig, "unit_norm");
  }

  private static void add(Registry.Builtins b, String className, ObjectFactory<? extends Constraint> factory,
      String alias) {
    b.add(Constraint.class, "keras.constraints", className, factory);
    b.alias(Constraint.class, className, factory);
    b.alias(Constraint.class, alias, factory);
  }
}
