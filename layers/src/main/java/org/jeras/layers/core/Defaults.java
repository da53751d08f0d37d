package org.jeras.layers.core;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.Initializer;

/** Keras's string defaults of layer arguments, resolved through the registry. */
public final class Defaults {
  private Defaults() {}

  /**
   * The initializer Keras means by {@code alias} (e.g. {@code "glorot_uniform"}).
   *
   * @param alias the initializer's name
   * @return the initializer
   */
  public static Initializer initializer(String alias) {
    return Serialization.deserialize(new JsonPrimitive(alias), Initializer.class);
  }
}
