package org.jeras.core.callbacks;

import java.util.List;
import java.util.Map;
import org.jeras.core.model.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Stops training when a monitored value stops improving (Keras's {@code EarlyStopping}). */
public final class EarlyStopping implements Callback {
  private final Monitor monitor;
  private final double minDelta;
  private final int patience;
  private final Double baseline;
  private final boolean restoreBestWeights;
  private final int startFromEpoch;
  private Model model;
  private int wait;
  private double best;
  private List<INDArray> bestWeights;
  private int stoppedEpoch = -1;

  /**
   * Keras's {@code EarlyStopping} arguments; see {@link Builder} for each.
   *
   * @param monitor the logged value to watch
   * @param minDelta the smallest change that counts as an improvement
   * @param patience epochs without improvement before stopping
   * @param mode {@code "auto"}, {@code "min"} or {@code "max"}
   * @param baseline a value the monitored quantity must beat, or null
   * @param restoreBestWeights on stopping, restore the weights of the best epoch
   * @param startFromEpoch epochs to wait before watching
   */
  public EarlyStopping(String monitor, double minDelta, int patience, String mode, Double baseline,
      boolean restoreBestWeights, int startFromEpoch) {
    this.monitor = Monitor.of(monitor, mode, "Early stopping conditioned on", "");
    this.minDelta = Math.abs(minDelta);
    this.patience = patience;
    this.baseline = baseline;
    this.restoreBestWeights = restoreBestWeights;
    this.startFromEpoch = startFromEpoch;
  }

  /**
   * Keras's defaults except {@code monitor} and {@code patience}.
   *
   * @param monitor the logged value to watch
   * @param patience epochs without improvement before stopping
   */
  public EarlyStopping(String monitor, int patience) {
    this(monitor, 0, patience, "auto", null, false, 0);
  }

  /**
   * {@return a builder starting from Keras's defaults: monitor val_loss, min_delta 0, patience 0, mode auto}
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    monitor.reset();
    wait = 0;
    stoppedEpoch = -1;
    best = baseline != null ? baseline : monitor.worst();
    bestWeights = null;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = monitor.value(logs);
    if (current == null) {
      return;
    }
    if (epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = model.getWeights();
    }
    wait++;
    if (monitor.improves(current, best, minDelta)) {
      best = current;
      if (restoreBestWeights) {
        bestWeights = model.getWeights();
      }
      if (baseline == null || monitor.improves(current, baseline, minDelta)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model.stopTraining();
      if (restoreBestWeights && bestWeights != null) {
        model.setWeights(bestWeights);
      }
    }
  }

  /** {@return the epoch at which training was stopped, or -1} */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** Builds an {@link EarlyStopping}; every setting starts at Keras's default. */
  public static final class Builder {
    private String monitor = "val_loss";
    private double minDelta;
    private int patience;
    private String mode = "auto";
    private Double baseline;
    private boolean restoreBestWeights;
    private int startFromEpoch;

    private Builder() {}

    /**
     * The logged value to watch (default {@code val_loss}).
     *
     * @param v the logged value to watch (default {@code val_loss})
     * @return this builder
     */
    public Builder monitor(String v) {
      monitor = v;
      return this;
    }

    /**
     * The smallest change that counts as an improvement (default 0).
     *
     * @param v the smallest change that counts as an improvement (default 0)
     * @return this builder
     */
    public Builder minDelta(double v) {
      minDelta = v;
      return this;
    }

    /**
     * Epochs without improvement before stopping (default 0).
     *
     * @param v epochs without improvement before stopping (default 0)
     * @return this builder
     */
    public Builder patience(int v) {
      patience = v;
      return this;
    }

    /**
     * {@code "auto"}, {@code "min"} or {@code "max"}.
     *
     * @param v the direction of improvement
     * @return this builder
     */
    public Builder mode(String v) {
      mode = v;
      return this;
    }

    /**
     * A value the monitored quantity must beat (default none).
     *
     * @param v a value the monitored quantity must beat (default none)
     * @return this builder
     */
    public Builder baseline(Double v) {
      baseline = v;
      return this;
    }

    /**
     * On stopping, restores the weights of the best epoch.
     *
     * @param v whether to restore the best weights
     * @return this builder
     */
    public Builder restoreBestWeights(boolean v) {
      restoreBestWeights = v;
      return this;
    }

    /**
     * Epochs to wait before watching (warm-up, default 0).
     *
     * @param v epochs to wait before watching (warm-up, default 0)
     * @return this builder
     */
    public Builder startFromEpoch(int v) {
      startFromEpoch = v;
      return this;
    }

    /** {@return the callback with the values set so far} */
    public EarlyStopping build() {
      return new EarlyStopping(monitor, minDelta, patience, mode, baseline, restoreBestWeights, startFromEpoch);
    }
  }
}
