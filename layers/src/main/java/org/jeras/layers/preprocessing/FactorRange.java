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
  /** The range of {@code value} (a JSON number or pair) for {@code key} of {@code owner}, within [min, max]. */
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
   */
  public FactorRange withEndsIn(String owner, String key, JsonElement value, double min, double max) {
    if (lower < min || upper > max) {
      throw Args.invalid(owner, key, "numbers in [" + PyNumber.repr(min) + ", " + PyNumber.repr(max) + "]", value);
    }
    return this;
  }

  /** A range from a Java number (see {@link #of(String, String, JsonElement, double, double)}). */
  public static FactorRange of(String owner, String key, double value, double min, double max) {
    return of(owner, key, new JsonPrimitive(value), min, max);
  }

  /** A range from a Java pair (see {@link #of(String, String, JsonElement, double, double)}). */
  public static FactorRange of(String owner, String key, double a, double b, double min, double max) {
    return of(owner, key, pair(a, b), min, max);
  }

  /** The JSON pair {@code [a, b]} with Python's float spelling. */
  public static JsonArray pair(double a, double b) {
    JsonArray out = new JsonArray();
    out.add(new JsonPrimitive(PyNumber.of(a)));
    out.add(new JsonPrimitive(PyNumber.of(b)));
    return out;
  }

  /** {@code [lower, upper]} as Keras's config stores it. */
  public JsonArray json() {
    return pair(lower, upper);
  }

  /** A uniform draw in {@code [lower, upper)}. */
  public double draw(SplittableRandom r) {
    return lower + (upper - lower) * r.nextDouble();
  }
}
