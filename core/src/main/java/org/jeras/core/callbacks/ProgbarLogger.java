package org.jeras.core.callbacks;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.jeras.core.training.ProgressBar;

/**
 * Prints the progress bar of {@code fit}, {@code evaluate} and {@code predict} (Keras's
 * {@code ProgbarLogger}). Each run adds one unless the user passes one, and none at verbose 0:
 * {@code Epoch 2/5} before each epoch (when there are several), a bar per epoch with the running
 * logs, the {@code val_} logs on its final line; validation inside {@code fit} is silent.
 */
public final class ProgbarLogger implements Callback {
  private final PrintStream out;
  private boolean dynamic = ProgressBar.hasTerminal();
  private DoubleSupplier clock = ProgressBar::wallClock;
  private int verbose = 1;
  private int epochs = 1;
  private int target = -1;
  private int seen;
  private ProgressBar progbar;
  private boolean calledInFit;

  /** A logger printing to {@code System.out}. */
  public ProgbarLogger() {
    this(System.out);
  }

  /**
   * A logger printing to {@code out}.
   *
   * @param out the stream the bar is printed to
   */
  public ProgbarLogger(PrintStream out) {
    this.out = out;
  }

  /**
   * Whether to redraw the bar in place (default: when output is a terminal); without, each bar
   * prints its final line only, so IDE consoles, CI logs and files get one line per epoch.
   *
   * @param v whether to redraw the bar in place (default: when output is a terminal); without, each bar
   * @return this
   */
  public ProgbarLogger dynamic(boolean v) {
    dynamic = v;
    return this;
  }

  /**
   * The clock in seconds (default the wall clock); for tests and replays.
   *
   * @param v the clock in seconds (default the wall clock); for tests and replays
   * @return this
   */
  public ProgbarLogger clock(DoubleSupplier v) {
    clock = v;
    return this;
  }

  @Override
  public void setParams(CallbackParams params) {
    verbose = params.verbose();
    epochs = params.epochs();
    target = params.steps();
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    calledInFit = true;
  }

  /**
   * Ends the fit: a logger passed again to {@code evaluate} prints its bar (Keras keeps it silent
   * for the rest of its life, which only matters when one logger is reused).
   */
  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    calledInFit = false;
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    if (!calledInFit) {
      resetProgbar();
      maybeInitProgbar();
    }
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    resetProgbar();
    maybeInitProgbar();
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    resetProgbar();
    maybeInitProgbar();
    if (verbose != 0 && epochs > 1) {
      out.print("Epoch " + (epoch + 1) + "/" + epochs + "\n");
      out.flush();
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    updateProgbar(batch, logs);
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    if (!calledInFit) {
      updateProgbar(batch, logs);
    }
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    updateProgbar(batch, null);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    finalizeProgbar(logs);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    if (!calledInFit) {
      finalizeProgbar(logs);
    }
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    finalizeProgbar(logs);
  }

  private void resetProgbar() {
    seen = 0;
    progbar = null;
  }

  private void maybeInitProgbar() {
    if (progbar == null) {
      progbar = new ProgressBar(out, target, verbose, dynamic, clock);
    }
  }

  private void updateProgbar(int batch, Map<String, Double> logs) {
    maybeInitProgbar();
    seen = batch + 1;
    if (verbose == 1) {
      progbar.update(seen, logs, false);
    }
  }

  /** An unknown length becomes the steps seen, as Keras does, for this bar and the later ones. */
  private void finalizeProgbar(Map<String, Double> logs) {
    maybeInitProgbar();
    if (target < 0) {
      target = seen;
      progbar.setTarget(target);
    }
    progbar.update(target, logs, true);
  }
}
