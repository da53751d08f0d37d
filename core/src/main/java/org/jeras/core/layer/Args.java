package org.jeras.core.layer;

import java.util.Arrays;
import org.jeras.core.config.InvalidConfigException;

/**
 * The checks Keras's layer constructors make on their numeric arguments, in one place: each
 * returns the value when it is acceptable and otherwise throws an {@link InvalidConfigException}
 * naming the class ({@code owner}, e.g. {@code "Dense"}) and the config key, before anything is
 * allocated. NaN and infinities never pass a check.
 */
public final class Args {
  private Args() {}

  /**
   * {@code value > 0} (units, filters, num_heads, ...).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value
   * @return the value as an int
   */
  public static int positive(String owner, String key, long value) {
    if (value <= 0 || value > Integer.MAX_VALUE) {
      throw invalid(owner, key, "a positive integer", value);
    }
    return (int) value;
  }

  /**
   * {@code value >= 0} (padding, cropping, ...).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value
   * @return the value as an int
   */
  public static int nonNegative(String owner, String key, long value) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw invalid(owner, key, "a non-negative integer", value);
    }
    return (int) value;
  }

  /**
   * A tuple of {@code rank} positive integers (kernel_size, strides, dilation_rate, pool_size, size); a copy.
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param values the tuple
   * @param rank the expected length
   * @return the checked copy
   */
  public static int[] positive(String owner, String key, int[] values, int rank) {
    if (values == null || (rank > 0 && values.length != rank) || Arrays.stream(values).anyMatch(v -> v <= 0)) {
      throw invalid(owner, key, (rank > 0 ? "a tuple of " + rank + " " : "a tuple of ") + "positive integers",
          values == null ? null : Arrays.toString(values));
    }
    return values.clone();
  }

  /**
   * A tuple of {@code rank} non-negative integers (output_padding, ...); a copy.
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param values the tuple
   * @param rank the expected length
   * @return the checked copy
   */
  public static int[] nonNegative(String owner, String key, int[] values, int rank) {
    if (values == null || (rank > 0 && values.length != rank) || Arrays.stream(values).anyMatch(v -> v < 0)) {
      throw invalid(owner, key, (rank > 0 ? "a tuple of " + rank + " " : "a tuple of ") + "non-negative integers",
          values == null ? null : Arrays.toString(values));
    }
    return values.clone();
  }

  /**
   * Per-axis {@code {before, after}} pairs of non-negative integers (padding, cropping); a deep copy.
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param pairs the pairs
   * @return the checked copy
   */
  public static int[][] nonNegativePairs(String owner, String key, int[][] pairs) {
    int[][] out = new int[pairs.length][];
    for (int i = 0; i < pairs.length; i++) {
      int[] p = pairs[i];
      if (p == null || p.length != 2 || p[0] < 0 || p[1] < 0) {
        throw invalid(owner, key, "non-negative (before, after) pairs", Arrays.deepToString(pairs));
      }
      out[i] = p.clone();
    }
    return out;
  }

  /**
   * A finite number (alpha, epsilon-like coefficients without a sign rule).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value
   * @return the value
   */
  public static double finite(String owner, String key, double value) {
    if (!Double.isFinite(value)) {
      throw invalid(owner, key, "a finite number", value);
    }
    return value;
  }

  /**
   * A finite number {@code >= 0} (negative_slope, threshold, l1, ...).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value
   * @return the value
   */
  public static double nonNegative(String owner, String key, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw invalid(owner, key, "a finite number >= 0", value);
    }
    return value;
  }

  /**
   * A finite number {@code > 0} (epsilon, ...).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value
   * @return the value
   */
  public static double positive(String owner, String key, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw invalid(owner, key, "a finite number > 0", value);
    }
    return value;
  }

  /**
   * A number in {@code [0, 1]} (Keras's dropout rates, momentum, stddev of GaussianNoise).
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param value the value
   * @return the value
   */
  public static double fraction(String owner, String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw invalid(owner, key, "a float value between 0 and 1", value);
    }
    return value;
  }

  /**
   * {@code axis} as an index in {@code [0, rank)}, Python-style negative axes counted from the end;
   * refused when out of range for inputs of {@code rank}.
   *
   * @param owner the layer's class name, for the error
   * @param key the config key
   * @param axis the axis, possibly negative
   * @param rank the inputs' rank
   * @return the axis in {@code [0, rank)}
   */
  public static int axis(String owner, String key, int axis, int rank) {
    if (axis >= rank || axis < -rank) {
      throw new InvalidConfigException(owner, key, "Received an invalid value for argument '" + key + "': axis "
          + axis + " is out of bounds for inputs of rank " + rank);
    }
    return axis < 0 ? axis + rank : axis;
  }

  /**
   * The error every check throws: Keras's "Received an invalid value for argument ..." naming the key.
   *
   * @param owner the layer's class name
   * @param key the config key
   * @param expected what the key accepts, e.g. {@code "a positive integer"}
   * @param got the value found
   * @return the exception, for the caller to throw
   */
  public static InvalidConfigException invalid(String owner, String key, String expected, Object got) {
    return new InvalidConfigException(owner, key, "Received an invalid value for argument '" + key + "', expected "
        + expected + ", got " + got);
  }
}
