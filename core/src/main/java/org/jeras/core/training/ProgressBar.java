package org.jeras.core.training;

import java.io.Console;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.jeras.core.callbacks.PyFormat;

/**
 * Keras's {@code Progbar}: {@code 4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 8ms/step - loss: 0.4232}, character for
 * character as Keras 3 prints it. Verbose 1 rewrites one line in place on a terminal (backspaces
 * over the previous line, {@code \r}, the bold/green/grey escape codes, spaces over what a shorter
 * line leaves); without a terminal ({@code dynamic} false: IDE, CI, piped output) it prints the
 * final line of each bar once, without escape codes. Verbose 2 prints one line when the bar is
 * finalized: {@code 2/2 - 0s - 15ms/step - loss: 0.1000}. Values are shown as given (Keras's
 * {@code ProgbarLogger} marks every value stateful: Jeras's logs are already running means).
 */
public final class ProgressBar {
  /** Keras's minimum time between two redraws, in seconds. */
  public static final double INTERVAL = 0.05;
  private static final int WIDTH = 20;
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final String GREEN = "\u001b[32m";
  private static final String GREY = "\u001b[37m";
  private final PrintStream out;
  private final int verbose;
  private final boolean dynamic;
  private final DoubleSupplier clock;
  private int target;
  /** Insertion order is Keras's {@code _values_order}: a key keeps the place it was first seen at. */
  private final Map<String, Double> values = new LinkedHashMap<>();
  private final double start;
  private double lastUpdate;
  private double timeAfterFirstStep = Double.NaN;
  private int prevTotalWidth;

  /**
   * A bar of {@code target} steps (negative: unknown) printing to {@code out}; dynamic when the JVM
   * writes to a terminal ({@link #hasTerminal}), timed by the wall clock.
   *
   * @param out where the bar is printed
   * @param target the number of steps, negative when unknown
   * @param verbose 0 silent, 1 a bar, 2 one line at the end
   */
  public ProgressBar(PrintStream out, int target, int verbose) {
    this(out, target, verbose, hasTerminal(), ProgressBar::wallClock);
  }

  /**
   * A bar with an explicit display mode and {@code clock} (seconds, as Python's {@code time.time()};
   * tests pass a fake one).
   *
   * @param out where the bar is printed
   * @param target the number of steps, negative when unknown
   * @param verbose 0 silent, 1 a bar, 2 one line at the end
   * @param dynamic whether to redraw the line in place
   * @param clock the time in seconds
   */
  public ProgressBar(PrintStream out, int target, int verbose, boolean dynamic, DoubleSupplier clock) {
    this.out = out;
    this.target = target;
    this.verbose = verbose;
    this.dynamic = dynamic;
    this.clock = clock;
    this.start = clock.getAsDouble();
  }

  /**
   * Whether standard output is a terminal, where a line can be redrawn in place: a console exists
   * and, on JDK 22 and later (where {@code System.console()} exists even when output is redirected),
   * {@code Console.isTerminal()} says so.
   *
   * @return whether output is a terminal
   */
  public static boolean hasTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
  }

  /**
   * Seconds since the epoch with the clock's full resolution.
   *
   * @return the time in seconds
   */
  public static double wallClock() {
    Instant now = Instant.now();
    return now.getEpochSecond() + now.getNano() / 1e9;
  }

  /** {@return the number of steps; negative when unknown} */
  public int target() {
    return target;
  }

  /**
   * Sets the number of steps, e.g. once an epoch of unknown length has ended.
   *
   * @param target the number of steps
   */
  public void setTarget(int target) {
    this.target = target;
  }

  /**
   * Shows progress after {@code current} steps with the current {@code logs}; {@code finalize}
   * ends the bar (a line break on a terminal, the only line without one).
   *
   * @param current the number of steps done
   * @param logs the values to show
   * @param finalize whether this is the last update of the bar
   */
  public void update(int current, Map<String, Double> logs, boolean finalize) {
    if (logs != null) {
      logs.forEach((k, v) -> {
        if (v != null) {
          values.put(k, v);
        }
      });
    }
    double now = clock.getAsDouble();
    double timePerUnit = estimateStepDuration(current, now);
    if (verbose == 1) {
      if (now - lastUpdate < INTERVAL && !finalize) {
        return;
      }
      if (dynamic) {
        printInPlace(current, now, timePerUnit, finalize);
      } else if (finalize) {
        out.print(line(current, now, timePerUnit, true, false) + "\n");
        out.flush();
      }
    } else if (verbose == 2 && finalize && target > 0) {
      StringBuilder info = new StringBuilder(count(current)).append(" - ")
          .append(PyFormat.fixed(now - start, 0)).append("s -").append(formatTime(timePerUnit));
      // Keras's verbose-2 branch tests avg > 1e-3 without abs(): negative values print in e format.
      values.forEach((k, v) -> info.append(" - ").append(k).append(": ")
          .append(v > 1e-3 ? PyFormat.fixed(v, 4) : PyFormat.scientific(v, 4)));
      out.print(info + "\n");
      out.flush();
    }
    lastUpdate = now;
  }

  private void printInPlace(int current, double now, double timePerUnit, boolean finalize) {
    String body = line(current, now, timePerUnit, finalize, true);
    int totalWidth = visibleWidth(body);
    StringBuilder message = new StringBuilder("\b".repeat(prevTotalWidth)).append('\r').append(body);
    // A shorter line than the last one leaves old characters behind unless spaces cover them.
    if (prevTotalWidth > totalWidth) {
      message.append(" ".repeat(prevTotalWidth - totalWidth));
    }
    if (finalize) {
      message.append('\n');
    }
    out.print(message);
    out.flush();
    prevTotalWidth = totalWidth;
  }

  /** The verbose-1 line: count and bar, ETA or elapsed time, time per step, values. */
  private String line(int current, double now, double timePerUnit, boolean finalize, boolean escapes) {
    StringBuilder sb = new StringBuilder();
    if (target > 0) {
      sb.append(style(BOLD, count(current), escapes)).append(' ');
      int progWidth = (int) (WIDTH * ((double) current / target));
      if (progWidth > 0) {
        sb.append(style(GREEN, "━".repeat(progWidth), escapes));
      }
      // Keras always emits the grey segment's codes, even when it is empty.
      sb.append(style(GREY, "━".repeat(Math.max(WIDTH - progWidth, 0)), escapes));
    } else {
      sb.append(String.format(Locale.ROOT, "%7d/Unknown", current));
    }
    String time;
    if (target > 0 && !finalize) {
      time = eta(timePerUnit * (target - current));
    } else {
      time = PyFormat.fixed(now - start, 0) + "s";
    }
    sb.append(' ').append(style(BOLD, time, escapes)).append(formatTime(timePerUnit));
    values.forEach((k, v) -> sb.append(" - ").append(k).append(": ")
        .append(Math.abs(v) > 1e-3 ? PyFormat.fixed(v, 4) : PyFormat.scientific(v, 4)));
    return sb.toString();
  }

  private String count(int current) {
    int digits = Integer.toString(target).length();
    return String.format(Locale.ROOT, "%" + digits + "d/%d", current, target);
  }

  private static String style(String code, String text, boolean escapes) {
    return escapes ? code + text + RESET : text;
  }

  /** Characters a terminal shows: the line without its escape sequences (each is ESC [ digits m). */
  private static int visibleWidth(String s) {
    return s.replaceAll("\u001b\\[[0-9]*m", "").length();
  }

  /** Keras's ETA: {@code h:mm:ss} past an hour, {@code m:ss} past a minute, else whole seconds (truncated). */
  private static String eta(double eta) {
    if (eta > 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", (long) Math.floor(eta / 3600), (long) Math.floor(eta % 3600 / 60),
          (long) (eta % 60));
    }
    if (eta > 60) {
      return String.format(Locale.ROOT, "%d:%02d", (long) Math.floor(eta / 60), (long) (eta % 60));
    }
    return (long) eta + "s";
  }

  private static String formatTime(double timePerUnit) {
    if (timePerUnit >= 1 || timePerUnit == 0) {
      return " " + PyFormat.fixed(timePerUnit, 0) + "s/step";
    }
    if (timePerUnit >= 1e-3) {
      return " " + PyFormat.fixed(timePerUnit * 1000.0, 0) + "ms/step";
    }
    return " " + PyFormat.fixed(timePerUnit * 1000000.0, 0) + "us/step";
  }

  /**
   * Keras's step time: after the first step, the mean over the later steps only (the first one,
   * with its warm-up, is not representative).
   */
  private double estimateStepDuration(int current, double now) {
    if (current == 0) {
      return 0;
    }
    double timePerUnit = !Double.isNaN(timeAfterFirstStep) && current > 1
        ? (now - timeAfterFirstStep) / (current - 1)
        : (now - start) / current;
    if (current == 1) {
      timeAfterFirstStep = now;
    }
    return timePerUnit;
  }
}
