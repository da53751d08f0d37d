package org.jeras.core.activations;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.ops.NnOps;

/** Resolves activation names to functions and back ({@code "relu"} in a config). */
public final class Activations {
  private static final Activation LINEAR = x -> x;
  private static final Map<String, Activation> BUILTIN = Map.of(
      "linear", LINEAR,
      "relu", NnOps::relu,
      "sigmoid", NnOps::sigmoid,
      "tanh", NnOps::tanh,
      "softmax", x -> NnOps.softmax(x, -1));

  private Activations() {}

  public static Activation linear() {
    return LINEAR;
  }

  /** The activation named {@code name}; null means linear. */
  public static Activation get(String name) {
    if (name == null) {
      return LINEAR;
    }
    Activation a = BUILTIN.get(name);
    if (a == null) {
      throw new ConfigException("Unknown activation '" + name + "'");
    }
    return a;
  }

  public static Activation deserialize(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return LINEAR;
    }
    return get(e.getAsString());
  }

  public static JsonElement serialize(Activation a) {
    for (Map.Entry<String, Activation> e : BUILTIN.entrySet()) {
      if (e.getValue() == a) {
        return new JsonPrimitive(e.getKey());
      }
    }
    throw new ConfigException("Cannot serialize an unregistered activation " + a);
  }
}
