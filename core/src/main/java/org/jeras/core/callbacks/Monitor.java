package org.jeras.core.callbacks;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which logged value a callback watches and whether lower or higher is better (Keras's mode). */
final class Monitor {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

  private final String key;
  private final boolean higherIsBetter;
  /** Keras's warning for a value missing from the logs, before and after the available keys. */
  private final String missingWarning;
  private final String missingEnd;
  private boolean warned;

  private Monitor(String key, boolean higherIsBetter, String missingWarning, String missingEnd) {
    this.key = key;
    this.higherIsBetter = higherIsBetter;
    this.missingWarning = missingWarning;
    this.missingEnd = missingEnd;
  }

  /**
   * @param conditioned how Keras's warning for a missing value starts, e.g. {@code "Early stopping
   *     conditioned on"}
   * @param end what Keras's warning ends with after the available keys
   */
  /** A monitor whose callback words its own warning for a missing value (ModelCheckpoint). */
  static Monitor of(String key, String mode) {
    Monitor m = of(key, mode, "", "");
    return new Monitor(m.key, m.higherIsBetter, null, null);
  }

  static Monitor of(String key, String mode, String conditioned, String end) {
    boolean higher = switch (mode) {
      case "max" -> true;
      case "min" -> false;
      case "auto" -> key.endsWith("acc") || key.endsWith("accuracy") || key.endsWith("auc")
          || key.startsWith("fmeasure") || key.endsWith("precision") || key.endsWith("recall");
      default -> throw new IllegalArgumentException("mode must be 'auto', 'min' or 'max', got '" + mode + "'");
    };
    return new Monitor(key, higher, conditioned + " metric `" + key + "` which is not available. ", end);
  }

  String key() {
    return key;
  }

  /**
   * The watched value, or null when it is not in {@code logs}; then Keras's warning naming the
   * available keys is logged, once per training run (Python shows a warning once per place).
   */
  Double value(Map<String, Double> logs) {
    Double v = logs.get(key);
    if (v == null && !warned && missingWarning != null) {
      warned = true;
      LOG.warn(missingWarning + "Available metrics are: " + String.join(",", logs.keySet()) + missingEnd);
    }
    return v;
  }

  /** Starts a training run: a missing value is warned about again. */
  void reset() {
    warned = false;
  }

  /** Whether {@code current} improves on {@code best} by more than {@code minDelta}. */
  boolean improves(double current, double best, double minDelta) {
    return higherIsBetter ? current - minDelta > best : current + minDelta < best;
  }

  double worst() {
    return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }
}
