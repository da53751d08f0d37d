package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.SplittableRandom;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.config.PyNumber;
import org.jeras.core.layer.Args;

/**
 * A {@code [lower, upper]} range of an augmentation layer's argument, as Keras's {@code _set_factor}
 * reads it: a pair (sorted) or a number {@code f} meaning {@code [max(-|f|, min), |f|]}, with both
 * ends checked against the layer's bounds.
 */
public record FactorRange(double lower, double upper) {
  /**
   * The range of {@code value} (a JSON number or pair) for {@code key} of {@code owner}, within [min, max].
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value a number or a pair
   * @param min the smallest end allowed
   * @param max the largest end allowed
   * @return the range
   */
  public static FactorRange of(String owner, String key, JsonElement value, double min, double max) {
    String expected = "a number or a pair of numbers in [" + PyNumber.repr(min) + ", " + PyNumber.repr(max) + "]";
    if (value == null || value.isJsonNull()) {
      throw Args.invalid(owner, key, expected, "None");
    }
    double lo;
    double hi;
    try {
      if (value.isJsonArray()) {
        JsonArray a = value.getAsJsonArray();
        if (a.size() != 2) {
          throw Args.invalid(owner, key, expected, value);
        }
        lo = Math.min(a.get(0).getAsDouble(), a.get(1).getAsDouble());
        hi = Math.max(a.get(0).getAsDouble(), a.get(1).getAsDouble());
        if (lo > max || hi < min) {
          throw Args.invalid(owner, key, expected, value);
        }
      } else {
        double f = value.getAsDouble();
        if (f < min || f > max) {
          throw Args.invalid(owner, key, expected, value);
        }
        lo = Math.max(-Math.abs(f), min);
        hi = Math.abs(f);
      }
    } catch (IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
      throw new InvalidConfigException(owner, key, "Received an invalid value for argument '" + key + "', expected "
          + expected + ", got " + value);
    }
    return new FactorRange(lo, hi);
  }

  /**
   * This range when both ends lie in [min, max] (where Keras checks each end, not only that the
   * range meets the bounds); else the error naming {@code key} and the given {@code value}.
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value as given, for the error
   * @param min the smallest end allowed
   * @param max the largest end allowed
   * @return this range
   */
  public FactorRange withEndsIn(String owner, String key, JsonElement value, double min, double max) {
    if (lower < min || upper > max) {
      throw Args.invalid(owner, key, "numbers in [" + PyNumber.repr(min) + ", " + PyNumber.repr(max) + "]", value);
    }
    return this;
  }

  /**
   * A range from a Java number (see {@link #of(String, String, JsonElement, double, double)}).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the number
   * @param min the smallest end allowed
   * @param max the largest end allowed
   * @return the range
   */
  public static FactorRange of(String owner, String key, double value, double min, double max) {
    return of(owner, key, new JsonPrimitive(value), min, max);
  }

  /**
   * A range from a Java pair (see {@link #of(String, String, JsonElement, double, double)}).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param a the lower end
   * @param b the upper end
   * @param min the smallest end allowed
   * @param max the largest end allowed
   * @return the range
   */
  public static FactorRange of(String owner, String key, double a, double b, double min, double max) {
    return of(owner, key, pair(a, b), min, max);
  }

  /**
   * The JSON pair {@code [a, b]} with Python's float spelling.
   *
   * @param a the lower end
   * @param b the upper end
   * @return the pair
   */
  public static JsonArray pair(double a, double b) {
    JsonArray out = new JsonArray();
    out.add(new JsonPrimitive(PyNumber.of(a)));
    out.add(new JsonPrimitive(PyNumber.of(b)));
    return out;
  }

  /**
   * {@code [lower, upper]} as Keras's config stores it.
   *
   * @return the pair
   */
  public JsonArray json() {
    return pair(lower, upper);
  }

  /**
   * A uniform draw in {@code [lower, upper)}.
   *
   * @param r the random stream
   * @return the draw
   */
  public double draw(SplittableRandom r) {
    return lower + (upper - lower) * r.nextDouble();
  }
}
