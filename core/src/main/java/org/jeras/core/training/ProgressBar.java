package org.jeras.core.training;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's progress bar: {@code 4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 8ms/step - loss: 0.4232}, rewritten in
 * place while an epoch runs (verbose 1) or printed once per epoch (verbose 2).
 */
public final class ProgressBar {
  private static final int WIDTH = 20;
  private final PrintStream out;
  private final int target;
  private final int verbose;
  private final long start = System.nanoTime();
  /** Rewrite the line in place only on a terminal, as Keras does; otherwise print the final line. */
  private final boolean dynamic = System.console() != null;
  private long lastUpdate;

  public ProgressBar(PrintStream out, int target, int verbose) {
    this.out = out;
    this.target = target;
    this.verbose = verbose;
  }

  /** Shows progress after {@code step} batches with the current {@code logs}. */
  public void update(int step, Map<String, Double> logs, boolean finalize) {
    if (verbose == 0 || (!finalize && (verbose == 2 || !dynamic))) {
      return;
    }
    long now = System.nanoTime();
    if (!finalize && now - lastUpdate < 50_000_000L) {
      return;
    }
    lastUpdate = now;
    double elapsed = (System.nanoTime() - start) / 1e9;
    StringBuilder sb = new StringBuilder();
    if (verbose == 1 && target <= 0) {
      sb.append(String.format(Locale.US, "%d/Unknown ", step));
    } else if (verbose == 1) {
      int digits = Integer.toString(target).length();
      sb.append(String.format(Locale.US, "%" + digits + "d/%d ", step, target));
      int filled = target <= 0 ? WIDTH : (int) Math.floor(WIDTH * (double) step / target);
      sb.append("━".repeat(filled)).append(" ".repeat(WIDTH - filled)).append(' ');
    }
    double perStep = step == 0 ? 0 : elapsed / step;
    if (finalize) {
      sb.append(String.format(Locale.US, "%ds %s", Math.round(elapsed), timePerStep(perStep)));
    } else {
      double eta = target <= 0 ? elapsed : perStep * (target - step);
      sb.append(String.format(Locale.US, "%ds %s", Math.round(eta), timePerStep(perStep)));
    }
    for (Map.Entry<String, Double> e : new TreeMap<>(logs).entrySet()) {
      sb.append(" - ").append(e.getKey()).append(": ").append(format(e.getValue()));
    }
    if (verbose == 1 && dynamic) {
      out.print("\r" + sb);
      if (finalize) {
        out.println();
      }
    } else {
      out.println(sb);
    }
    out.flush();
  }

  private static String timePerStep(double seconds) {
    if (seconds >= 1) {
      return String.format(Locale.US, "%ds/step", Math.round(seconds));
    }
    if (seconds >= 1e-3) {
      return String.format(Locale.US, "%dms/step", Math.round(seconds * 1e3));
    }
    return String.format(Locale.US, "%dus/step", Math.round(seconds * 1e6));
  }

  /** Keras's number format in logs: 4 decimals, scientific for tiny values. */
  static String format(double v) {
    if (v != 0 && Math.abs(v) < 1e-3) {
      return String.format(Locale.US, "%.4e", v);
    }
    return String.format(Locale.US, "%.4f", v);
  }
}
