package org.jeras.layers.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;

/**
 * A layer's {@code axis} argument that Keras accepts as an int or a list of ints, and writes back
 * in the form it was given (e.g. {@code Softmax}, {@code LayerNormalization}, {@code UnitNormalization}).
 */
public record Axes(int[] values, boolean isList) {
  /**
   * Copies {@code values}.
   *
   * @param values the axes
   * @param isList whether Keras wrote them as a list
   */
  public Axes {
    values = values.clone();
  }

  /**
   * {@return a single axis, written as an int}
   *
   * @param axis the axis, negative from the end
   */
  public static Axes of(int axis) {
    return new Axes(new int[] {axis}, false);
  }

  /**
   * Axes written as a list.
   *
   * @param axes the axes, negative from the end
   * @return the axes
   */
  public static Axes list(int... axes) {
    return new Axes(axes, true);
  }

  /**
   * Reads {@code key} (an int or a list of ints) from {@code c}, or {@code defaultValue} when absent.
   *
   * @param c the layer's config
   * @param key the key
   * @param defaultValue the axes when absent
   * @return the axes
   */
  public static Axes read(Config c, String key, Axes defaultValue) {
    if (!c.isSet(key)) {
      return defaultValue;
    }
    JsonElement e = c.get(key);
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return of(c.getInt(key));
    }
    if (e.isJsonArray()) {
      return list(c.getInts(key));
    }
    throw new ConfigException("Config key '" + key + "' must be an int or a list of ints, got " + e);
  }

  /**
   * The axes as non-negative indices for a tensor of {@code rank}, sorted; an error naming
   * {@code owner}'s {@code axis} when one is out of range or repeated.
   *
   * @param owner the layer's class name, for the error
   * @param rank the input's rank
   * @return the indices
   */
  public int[] resolve(String owner, int rank) {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Args.axis(owner, "axis", values[i], rank);
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw Args.invalid(owner, "axis", "distinct axes", this);
      }
    }
    return out;
  }

  /** {@return the axes as Keras writes them: an int or a list} */
  public JsonElement json() {
    if (!isList) {
      return new JsonPrimitive(values[0]);
    }
    JsonArray a = new JsonArray();
    for (int v : values) {
      a.add(v);
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Axes a && isList == a.isList && Arrays.equals(values, a.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Boolean.hashCode(isList);
  }

  @Override
  public String toString() {
    return json().toString();
  }
}
