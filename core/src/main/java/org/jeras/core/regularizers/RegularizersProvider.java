package org.jeras.core.regularizers;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/**
 * Registers Keras's regularizers under their class names and the string names
 * {@code keras.regularizers.get} accepts (snake_case class names: note {@code "l1l2"}).
 */
public final class RegularizersProvider implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    add(b, "L1", L1::fromConfig, "l1");
    add(b, "L2", L2::fromConfig, "l2");
    // Keras 3.16 resolves only "l1l2"; "l1_l2" (its documented public alias) is accepted as well.
    add(b, "L1L2", L1L2::fromConfig, "l1l2", "l1_l2");
    add(b, "OrthogonalRegularizer", OrthogonalRegularizer::fromConfig, "orthogonal_regularizer");
  }

  private static void add(Registry.Builtins b, String className, ObjectFactory<? extends Regularizer> factory,
      String... aliases) {
    b.add(Regularizer.class, "keras.regularizers", className, factory);
    b.alias(Regularizer.class, className, factory);
    for (String alias : aliases) {
      b.alias(Regularizer.class, alias, factory);
    }
  }
}
