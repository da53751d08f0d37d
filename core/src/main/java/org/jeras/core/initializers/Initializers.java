package org.jeras.core.initializers;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Serialization;

/** Resolves {@link Initializer}s by name, as Keras's {@code keras.initializers.get}. */
public final class Initializers {
  private Initializers() {}

  /**
   * The Initializer a string names, built with Keras's defaults: a class name, its snake_case name
   * ({@code "glorot_uniform"}) or a registered custom name; throws a
   * {@link org.jeras.core.config.ConfigException} for unknown names. Dicts go through
   * {@link Serialization#deserialize}.
   *
   * @param name the initializer's name
   * @return the initializer
   */
  public static Initializer get(String name) {
    return Serialization.deserialize(new JsonPrimitive(name), Initializer.class);
  }
}
