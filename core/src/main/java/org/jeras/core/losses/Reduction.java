package org.jeras.core.losses;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.ConfigException;

/** How {@link Loss#apply} folds per-sample losses into the returned value, as Keras's {@code reduction}. */
public enum Reduction {
  /** {@code sum(w * l) / l.size}: the default; sample weights do not change the divisor. */
  SUM_OVER_BATCH_SIZE("sum_over_batch_size"),
  /** {@code sum(w * l)}. */
  SUM("sum"),
  /** Same as {@link #SUM_OVER_BATCH_SIZE}. */
  MEAN("mean"),
  /** {@code sum(w * l) / sum(w)} (the element count when there are no weights). */
  MEAN_WITH_SAMPLE_WEIGHT("mean_with_sample_weight"),
  /** No reduction: the weighted per-sample losses. */
  NONE("none"),
  /** Python's {@code None}: no reduction, written back as JSON null. */
  PY_NONE(null);

  private final String kerasName;

  Reduction(String kerasName) {
    this.kerasName = kerasName;
  }

  /** {@return the value Keras writes under {@code reduction} (null for {@link #PY_NONE})} */
  public String kerasName() {
    return kerasName;
  }

  boolean reduces() {
    return this != NONE && this != PY_NONE;
  }

  /** Divides by the element count (or by the weight sum for {@link #MEAN_WITH_SAMPLE_WEIGHT}). */
  boolean averages() {
    return this == SUM_OVER_BATCH_SIZE || this == MEAN || this == MEAN_WITH_SAMPLE_WEIGHT;
  }

  /**
   * {@return the reduction Keras writes as {@code name}; null gives {@link #PY_NONE}}
   *
   * @param name the value under {@code reduction}
   */
  public static Reduction of(String name) {
    if (name == null) {
      return PY_NONE;
    }
    for (Reduction r : values()) {
      if (name.equals(r.kerasName)) {
        return r;
      }
    }
    throw new ConfigException("Invalid value for 'reduction': '" + name
        + "'. Expected one of sum_over_batch_size, sum, mean, mean_with_sample_weight, none or null");
  }

  static Reduction of(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return PY_NONE;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new ConfigException("Config key 'reduction' must be a string or null, got " + e);
    }
    return of(e.getAsString());
  }

  JsonElement json() {
    return kerasName == null ? JsonNull.INSTANCE : new JsonPrimitive(kerasName);
  }
}
