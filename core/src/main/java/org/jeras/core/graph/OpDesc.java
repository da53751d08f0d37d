package org.jeras.core.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one op computes: its name and the attributes that fully determine its math besides its
 * inputs (strides, padding and dilation of a convolution, the axis of a softmax, the scalar of
 * {@code x * 2}). Every differentiable op hands one to
 * {@link org.jeras.core.tensor.GradientTape#recordOp}, so a {@link Tracer} can record the op as a
 * node of an {@link OpGraph} without per-layer code.
 *
 * <p>Attribute values are {@link Long}, {@link Double}, {@link Boolean}, {@link String},
 * {@code long[]} (dimension lists), {@code int[]}, {@code double[]} or {@code int[][]}.
 */
public final class OpDesc {
  private final String name;
  private final Map<String, Object> attrs;

  private OpDesc(String name, Map<String, Object> attrs) {
    this.name = Objects.requireNonNull(name, "name");
    this.attrs = Collections.unmodifiableMap(attrs);
  }

  /**
   * An op named {@code name} with attributes given as alternating keys and values.
   *
   * @param name the op's name
   * @param keysAndValues the attributes, as key, value, key, value...
   * @return the op
   */
  public static OpDesc of(String name, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Attributes of op '" + name + "' must come as key, value pairs");
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attrs.put((String) keysAndValues[i], normalize(name, (String) keysAndValues[i], keysAndValues[i + 1]));
    }
    return new OpDesc(name, attrs);
  }

  private static Object normalize(String op, String key, Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String
        || v instanceof long[] || v instanceof int[] || v instanceof double[] || v instanceof int[][] || v == null) {
      return v;
    }
    throw new IllegalArgumentException("Attribute '" + key + "' of op '" + op + "' has unsupported type "
        + v.getClass().getSimpleName());
  }

  /** {@return the op's name, e.g. {@code "matmul"}} */
  public String name() {
    return name;
  }

  /** {@return the attributes in the order they were given (unmodifiable)} */
  public Map<String, Object> attrs() {
    return attrs;
  }

  /**
   * This op with attribute {@code key} replaced.
   *
   * @param key the attribute
   * @param value its new value
   * @return a new op
   */
  public OpDesc with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(attrs);
    copy.put(key, normalize(name, key, value));
    return new OpDesc(name, copy);
  }

  /**
   * {@return whether attribute {@code key} is present}
   *
   * @param key the attribute
   */
  public boolean has(String key) {
    return attrs.containsKey(key) && attrs.get(key) != null;
  }

  /**
   * {@return the integer attribute {@code key}}
   *
   * @param key the attribute
   */
  public long getLong(String key) {
    return (Long) require(key);
  }

  /**
   * {@return the integer attribute {@code key}, as an int}
   *
   * @param key the attribute
   */
  public int getInt(String key) {
    return Math.toIntExact(getLong(key));
  }

  /**
   * {@return the number attribute {@code key}}
   *
   * @param key the attribute
   */
  public double getDouble(String key) {
    Object v = require(key);
    return v instanceof Long l ? l.doubleValue() : (Double) v;
  }

  /**
   * {@return the boolean attribute {@code key}}
   *
   * @param key the attribute
   */
  public boolean getBool(String key) {
    return (Boolean) require(key);
  }

  /**
   * {@return the string attribute {@code key}}
   *
   * @param key the attribute
   */
  public String getString(String key) {
    return (String) require(key);
  }

  /**
   * {@return the integer-list attribute {@code key}}
   *
   * @param key the attribute
   */
  public long[] getLongs(String key) {
    return (long[]) require(key);
  }

  /**
   * {@return the int-list attribute {@code key}}
   *
   * @param key the attribute
   */
  public int[] getInts(String key) {
    return (int[]) require(key);
  }

  /**
   * {@return the attribute {@code key} holding {@code {before, after}} pairs}
   *
   * @param key the attribute
   */
  public int[][] getIntPairs(String key) {
    return (int[][]) require(key);
  }

  /**
   * The attribute, or null when absent or null.
   *
   * @param key the attribute
   * @return the value, or null
   */
  public Object get(String key) {
    return attrs.get(key);
  }

  private Object require(String key) {
    Object v = attrs.get(key);
    if (v == null) {
      throw new IllegalArgumentException("Op '" + name + "' has no attribute '" + key + "'");
    }
    return v;
  }

  /** Whether two attribute values are equal (arrays by content). */
  static boolean sameValue(Object a, Object b) {
    return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OpDesc d) || !name.equals(d.name) || !attrs.keySet().equals(d.attrs.keySet())) {
      return false;
    }
    for (String k : attrs.keySet()) {
      if (!sameValue(attrs.get(k), d.attrs.get(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + attrs.keySet().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append('(');
    boolean first = true;
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(Arrays.deepToString(new Object[] {e.getValue()})
          .replaceAll("^\\[|\\]$", ""));
      first = false;
    }
    return sb.append(')').toString();
  }
}
