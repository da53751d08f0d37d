package org.jeras.core.constraints;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Serialization;

/** Resolves {@link Constraint}s by name, as Keras's {@code keras.constraints.get}. */
public final class Constraints {
  private Constraints() {}

  /**
   * The Constraint a string names, built with Keras's defaults: a class name, its snake_case name
   * ({@code "max_norm"}) or a registered custom name; throws a
   * {@link org.jeras.core.config.ConfigException} for unknown names. Dicts go through
   * {@link Serialization#deserialize}.
   *
   * @param name the constraint's name
   * @return the constraint
   */
  public static Constraint get(String name) {
    return Serialization.deserialize(new JsonPrimitive(name), Constraint.class);
  }
}
