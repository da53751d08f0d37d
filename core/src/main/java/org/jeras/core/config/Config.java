package org.jeras.core.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.tensor.Shape;

/**
 * A Keras config dict over Gson's tree, with Keras's key names and typed accessors. Reading a
 * missing or mistyped key throws a {@link ConfigException} naming the key; numbers keep the text
 * they were parsed from, so a config read from a file writes back unchanged.
 *
 * <p>A {@link #tracking} config records which keys its reader looked at, so that a loader can
 * refuse the keys nobody read (Keras: "Unrecognized keyword arguments").
 */
public final class Config {
  private static final Gson GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

  private final JsonObject json;
  /** The keys looked up so far, or null when not tracking; shared with {@link #copy()}. */
  private final Set<String> reads;

  private Config(JsonObject json) {
    this(json, null);
  }

  private Config(JsonObject json, Set<String> reads) {
    this.json = json;
    this.reads = reads;
  }

  /**
   * A view over {@code json} that records the keys read from it (see {@link #unreadKeys()}).
   *
   * @param json the config's JSON
   * @return the tracking view
   */
  public static Config tracking(JsonObject json) {
    return new Config(json, new HashSet<>());
  }

  /**
   * The keys present but never looked up (through any accessor, {@link #has} included), in file
   * order; empty when this config does not track reads.
   *
   * @return the unread keys
   */
  public Set<String> unreadKeys() {
    Set<String> out = new LinkedHashSet<>();
    if (reads != null) {
      for (String k : json.keySet()) {
        if (!reads.contains(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /**
   * Marks every present key as read and returns them, for readers that take all keys as they come
   * (an op's arguments).
   *
   * @return the present keys
   */
  public Set<String> readAllKeys() {
    Set<String> keys = new LinkedHashSet<>(json.keySet());
    if (reads != null) {
      reads.addAll(keys);
    }
    return keys;
  }

  /** The one place keys are looked up, so that tracking sees every read. */
  private JsonElement lookup(String key) {
    if (reads != null) {
      reads.add(key);
    }
    return json.get(key);
  }

  /** {@return a new config without keys} */
  public static Config empty() {
    return new Config(new JsonObject());
  }

  /**
   * A view over {@code json} (not copied).
   *
   * @param json the config's JSON
   * @return the view
   */
  public static Config of(JsonObject json) {
    return new Config(json);
  }

  /**
   * {@return the config of a JSON object's text}
   *
   * @param text the JSON text
   * @throws ConfigException if the text is not a JSON object
   */
  public static Config parse(String text) {
    JsonElement e = JsonParser.parseString(text);
    if (!e.isJsonObject()) {
      throw new ConfigException("Expected a JSON object, got: " + abbreviate(text));
    }
    return new Config(e.getAsJsonObject());
  }

  /** {@return the underlying JSON (not a copy)} */
  public JsonObject json() {
    return json;
  }

  /**
   * {@return whether {@code key} is present, JSON null included}
   *
   * @param key the key
   */
  public boolean has(String key) {
    return lookup(key) != null;
  }

  /**
   * Present and not JSON null.
   *
   * @param key the key
   * @return whether the key has a non-null value
   */
  public boolean isSet(String key) {
    JsonElement e = lookup(key);
    return e != null && !e.isJsonNull();
  }

  /**
   * {@return the value under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent
   */
  public JsonElement get(String key) {
    JsonElement e = lookup(key);
    if (e == null) {
      throw new InvalidConfigException(key, "Missing config key '" + key + "' in " + abbreviate(json.toString()));
    }
    return e;
  }

  /**
   * The raw element, or JSON null when absent.
   *
   * @param key the key
   * @return the value
   */
  public JsonElement getOrNull(String key) {
    JsonElement e = lookup(key);
    return e == null ? JsonNull.INSTANCE : e;
  }

  /**
   * {@return the string under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not a string
   */
  public String getString(String key) {
    JsonElement e = get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw typeError(key, "a string", e);
    }
    return e.getAsString();
  }

  /**
   * {@return the string under {@code key}, or {@code defaultValue} when absent or null}
   *
   * @param key the key
   * @param defaultValue the default
   */
  public String getString(String key, String defaultValue) {
    return isSet(key) ? getString(key) : defaultValue;
  }

  /**
   * {@return the number under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not a number
   */
  public double getDouble(String key) {
    JsonElement e = get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw typeError(key, "a number", e);
    }
    return e.getAsDouble();
  }

  /**
   * {@return the number under {@code key}, or {@code defaultValue} when absent or null}
   *
   * @param key the key
   * @param defaultValue the default
   */
  public double getDouble(String key, double defaultValue) {
    return isSet(key) ? getDouble(key) : defaultValue;
  }

  /**
   * A number as written ({@code 2} stays an int, {@code 2.0} a float), for values Keras writes back
   * exactly as the user gave them; {@code defaultValue} when absent or null.
   *
   * @param key the key
   * @param defaultValue the default
   * @return the number
   */
  public Number getNumber(String key, Number defaultValue) {
    if (!isSet(key)) {
      return defaultValue;
    }
    getDouble(key); // type check
    return get(key).getAsNumber();
  }

  /**
   * {@return the whole number under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not a whole number
   */
  public long getLong(String key) {
    return toLong(key, get(key));
  }

  /**
   * {@return the int under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not an int
   */
  public int getInt(String key) {
    return toInt(key, get(key));
  }

  /**
   * {@code e} (a value of {@code key}) as a long: a whole number within range, else an error naming the key.
   *
   * @param key the key, for the error
   * @param e the value
   * @return the long
   */
  public static long toLong(String key, JsonElement e) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw typeError(key, "an integer", e);
    }
    double d = e.getAsDouble();
    // 2^63 is the first double past Long.MAX_VALUE; NaN and infinities fail the first test.
    if (d != Math.rint(d) || d >= 0x1p63 || d < -0x1p63) {
      throw typeError(key, "an integer", e);
    }
    try {
      return e.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException | NumberFormatException notExact) {
      return (long) d;
    }
  }

  /**
   * {@code e} (a value of {@code key}) as an int: a whole number within range, else an error naming the key.
   *
   * @param key the key, for the error
   * @param e the value
   * @return the int
   */
  public static int toInt(String key, JsonElement e) {
    long v = toLong(key, e);
    if (v != (int) v) {
      throw new InvalidConfigException(key, "Config key '" + key + "' is " + e + ", too large for an integer");
    }
    return (int) v;
  }

  /**
   * {@return the int under {@code key}, or {@code defaultValue} when absent or null}
   *
   * @param key the key
   * @param defaultValue the default
   */
  public int getInt(String key, int defaultValue) {
    return isSet(key) ? getInt(key) : defaultValue;
  }

  /**
   * A nullable integer (Keras's {@code None}).
   *
   * @param key the key
   * @return the int, or null when absent or null
   */
  public Integer getIntOrNull(String key) {
    return isSet(key) ? getInt(key) : null;
  }

  /**
   * {@return the whole number under {@code key}, or null when absent or null (Keras's {@code None})}
   *
   * @param key the key
   */
  public Long getLongOrNull(String key) {
    return isSet(key) ? getLong(key) : null;
  }

  /**
   * {@return the boolean under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not a boolean
   */
  public boolean getBoolean(String key) {
    JsonElement e = get(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw typeError(key, "a boolean", e);
    }
    return e.getAsBoolean();
  }

  /**
   * {@return the boolean under {@code key}, or {@code defaultValue} when absent or null}
   *
   * @param key the key
   * @param defaultValue the default
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    return isSet(key) ? getBoolean(key) : defaultValue;
  }

  /**
   * An int tuple; a single int {@code n} is expanded to {@code rank} copies as Keras does.
   *
   * @param key the key
   * @param rank the tuple's length
   * @return the ints
   */
  public int[] getInts(String key, int rank) {
    JsonElement e = get(key);
    if (e.isJsonPrimitive()) {
      int[] out = new int[rank];
      Arrays.fill(out, getInt(key));
      return out;
    }
    int[] out = getInts(key);
    if (rank > 0 && out.length != rank) {
      throw new InvalidConfigException(key, "Config key '" + key + "' needs " + rank + " integers, got "
          + abbreviate(String.valueOf(e)));
    }
    return out;
  }

  /**
   * {@return the list of ints under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not a list of integers
   */
  public int[] getInts(String key) {
    JsonElement e = get(key);
    if (!e.isJsonArray()) {
      throw typeError(key, "a list of integers", e);
    }
    JsonArray a = e.getAsJsonArray();
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement x = a.get(i);
      if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
        throw typeError(key, "a list of integers", e);
      }
      out[i] = toInt(key, x);
    }
    return out;
  }

  /**
   * {@return the list of numbers under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not a list of numbers
   */
  public double[] getDoubles(String key) {
    JsonElement e = get(key);
    if (!e.isJsonArray()) {
      throw typeError(key, "a list of numbers", e);
    }
    JsonArray a = e.getAsJsonArray();
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement x = a.get(i);
      if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
        throw typeError(key, "a list of numbers", e);
      }
      out[i] = x.getAsDouble();
    }
    return out;
  }

  /**
   * {@return the strings under {@code key}; a single string gives a list of one}
   *
   * @param key the key
   */
  public List<String> getStrings(String key) {
    JsonElement e = get(key);
    List<String> out = new ArrayList<>();
    if (e.isJsonPrimitive()) {
      out.add(e.getAsString());
      return out;
    }
    if (!e.isJsonArray()) {
      throw typeError(key, "a list of strings", e);
    }
    for (JsonElement x : e.getAsJsonArray()) {
      out.add(x.getAsString());
    }
    return out;
  }

  /**
   * A shape written as a list with {@code null} for unknown dims.
   *
   * @param key the key
   * @return the shape
   */
  public Shape getShape(String key) {
    return toShape(key, get(key));
  }

  /**
   * {@return {@code e} (a value of {@code key}) as a shape: a list of sizes with null for unknown}
   *
   * @param key the key, for the error
   * @param e the value
   * @throws InvalidConfigException if {@code e} is not such a list
   */
  public static Shape toShape(String key, JsonElement e) {
    if (!e.isJsonArray()) {
      throw new InvalidConfigException(key, "Config key '" + key + "' must be a shape (a list), got "
          + abbreviate(String.valueOf(e)));
    }
    List<Long> dims = new ArrayList<>();
    for (JsonElement x : e.getAsJsonArray()) {
      Long d = x.isJsonNull() ? null : toLong(key, x);
      if (d != null && d < 0) {
        throw new InvalidConfigException(key, "Config key '" + key + "' must be a shape of sizes >= 0 or null, got " + e);
      }
      dims.add(d);
    }
    return Shape.ofNullable(dims);
  }

  /**
   * {@return the nested config under {@code key}}
   *
   * @param key the key
   * @throws InvalidConfigException if the key is absent or not an object
   */
  public Config getConfig(String key) {
    JsonElement e = get(key);
    if (!e.isJsonObject()) {
      throw typeError(key, "an object", e);
    }
    return new Config(e.getAsJsonObject());
  }

  // ---- writing ----

  /**
   * Puts a JSON value (null becomes JSON null).
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, JsonElement value) {
    json.add(key, value == null ? JsonNull.INSTANCE : value);
    return this;
  }

  /**
   * Puts a string (null becomes JSON null).
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, String value) {
    return put(key, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value));
  }

  /**
   * Puts a boolean.
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, boolean value) {
    return put(key, new JsonPrimitive(value));
  }

  /**
   * Puts an int.
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, int value) {
    return put(key, new JsonPrimitive(value));
  }

  /**
   * Puts a long.
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, long value) {
    return put(key, new JsonPrimitive(value));
  }

  /**
   * Puts a float written as Python writes it ({@code 0.001}, {@code 1e-07}).
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, double value) {
    return put(key, new JsonPrimitive(PyNumber.of(value)));
  }

  /**
   * Puts a nullable int (null becomes JSON null).
   *
   * @param key the key
   * @param value the value
   * @return this config
   */
  public Config put(String key, Integer value) {
    return put(key, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value));
  }

  /**
   * Puts a nested config.
   *
   * @param key the key
   * @param value the config
   * @return this config
   */
  public Config put(String key, Config value) {
    return put(key, value == null ? JsonNull.INSTANCE : value.json);
  }

  /**
   * Puts a list of ints.
   *
   * @param key the key
   * @param values the values
   * @return this config
   */
  public Config putInts(String key, int... values) {
    JsonArray a = new JsonArray();
    for (int v : values) {
      a.add(v);
    }
    return put(key, a);
  }

  /**
   * Puts a list of floats, written as Python writes them.
   *
   * @param key the key
   * @param values the values
   * @return this config
   */
  public Config putDoubles(String key, double... values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(PyNumber.of(v));
    }
    return put(key, a);
  }

  /**
   * Puts a list of strings.
   *
   * @param key the key
   * @param values the values
   * @return this config
   */
  public Config putStrings(String key, List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return put(key, a);
  }

  /**
   * Puts a shape as a list with null for unknown sizes (null becomes JSON null).
   *
   * @param key the key
   * @param shape the shape
   * @return this config
   */
  public Config putShape(String key, Shape shape) {
    return put(key, shape == null ? JsonNull.INSTANCE : shapeJson(shape));
  }

  /**
   * {@return a shape as Keras writes it: a list with null for unknown sizes}
   *
   * @param shape the shape
   */
  public static JsonArray shapeJson(Shape shape) {
    JsonArray a = new JsonArray();
    for (Long d : shape.toNullableList()) {
      a.add(d == null ? JsonNull.INSTANCE : new JsonPrimitive(d));
    }
    return a;
  }

  /**
   * Copies every entry of {@code other} into this config.
   *
   * @param other the config to copy from
   * @return this config
   */
  public Config putAll(Config other) {
    for (Map.Entry<String, JsonElement> e : other.json.entrySet()) {
      json.add(e.getKey(), e.getValue());
    }
    return this;
  }

  /**
   * Removes {@code key}.
   *
   * @param key the key
   * @return this config
   */
  public Config remove(String key) {
    json.remove(key);
    return this;
  }

  /** {@return a deep copy; reads through it count as reads of this config} */
  public Config copy() {
    return new Config(json.deepCopy(), reads);
  }

  /**
   * Compact JSON as Keras writes it.
   *
   * @return the JSON text
   */
  public String toJson() {
    return GSON.toJson(json);
  }

  /** {@return the Gson instance configs are written with} */
  public static Gson gson() {
    return GSON;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config c && json.equals(c.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  private static InvalidConfigException typeError(String key, String expected, JsonElement got) {
    return new InvalidConfigException(key, "Config key '" + key + "' must be " + expected + ", got " + abbreviate(String.valueOf(got)));
  }

  private static String abbreviate(String s) {
    return Untrusted.escape(s, Untrusted.MAX_CHARS);
  }
}
