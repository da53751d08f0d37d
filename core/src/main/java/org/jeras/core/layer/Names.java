package org.jeras.core.layer;

import java.util.HashMap;
import java.util.Map;

/** Keras's automatic object names: {@code dense}, {@code dense_1}, ... per prefix. */
public final class Names {
  private static final Map<String, Integer> COUNTS = new HashMap<>();

  private Names() {}

  /**
   * The next unique name for {@code prefix}.
   *
   * @param prefix the prefix, e.g. {@code "dense"}
   * @return the name, e.g. {@code "dense_1"}
   */
  public static synchronized String unique(String prefix) {
    int n = COUNTS.merge(prefix, 1, Integer::sum) - 1;
    return n == 0 ? prefix : prefix + "_" + n;
  }

  /** Forgets all counters (Keras's {@code clear_session}). */
  public static synchronized void reset() {
    COUNTS.clear();
  }

  /**
   * {@code "BatchNormalization"} to {@code "batch_normalization"}, as Keras's {@code to_snake_case}.
   *
   * @param name a class name
   * @return the snake_case name
   */
  public static String snakeCase(String name) {
    String s = name.replaceAll("\\W+", "").replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
  }
}
