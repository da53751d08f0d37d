package org.jeras.core.callbacks;

import java.util.Map;

/** Which logged value a callback watches and whether lower or higher is better (Keras's mode). */
record Monitor(String key, boolean higherIsBetter) {
  static Monitor of(String key, String mode) {
    boolean higher = switch (mode) {
      case "max" -> true;
      case "min" -> false;
      case "auto" -> key.endsWith("acc") || key.endsWith("accuracy") || key.endsWith("auc")
          || key.startsWith("fmeasure") || key.endsWith("precision") || key.endsWith("recall");
      default -> throw new IllegalArgumentException("mode must be 'auto', 'min' or 'max', got '" + mode + "'");
    };
    return new Monitor(key, higher);
  }

  /** The watched value, or null when it is not in {@code logs}. */
  Double value(Map<String, Double> logs) {
    return logs.get(key);
  }

  /** Whether {@code current} improves on {@code best} by more than {@code minDelta}. */
  boolean improves(double current, double best, double minDelta) {
    return higherIsBetter ? current - minDelta > best : current + minDelta < best;
  }

  double worst() {
    return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }
}
