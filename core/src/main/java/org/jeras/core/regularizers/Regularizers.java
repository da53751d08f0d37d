package org.jeras.core.regularizers;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Serialization;

/** Resolves {@link Regularizer}s by name, as Keras's {@code keras.regularizers.get}. */
public final class Regularizers {
  private Regularizers() {}

  /**
   * The Regularizer a string names, built with Keras's defaults: a class name, its snake_case name
   * ({@code "l2"}) or a registered custom name; throws a
   * {@link org.jeras.core.config.ConfigException} for unknown names. Dicts go through
   * {@link Serialization#deserialize}.
   *
   * @param name the regularizer's name
   * @return the regularizer
   */
  public static Regularizer get(String name) {
    return Serialization.deserialize(new JsonPrimitive(name), Regularizer.class);
  }
}
