package org.jeras.core.callbacks;

import java.util.Map;
import org.jeras.core.model.Model;

/** Multiplies the learning rate by {@code factor} when a value stops improving (Keras's {@code ReduceLROnPlateau}). */
public final class ReduceLROnPlateau implements Callback {
  private final Monitor monitor;
  private final double factor;
  private final int patience;
  private final double minDelta;
  private final int cooldown;
  private final double minLr;
  private Model model;
  private double best;
  private int wait;
  private int cooldownCounter;

  /**
   * Keras's {@code ReduceLROnPlateau} arguments; see {@link Builder} for each.
   *
   * @param monitor the logged value to watch
   * @param factor what the learning rate is multiplied by, below 1
   * @param patience epochs without improvement before a reduction
   * @param mode {@code "auto"}, {@code "min"} or {@code "max"}
   * @param minDelta the smallest change that counts as an improvement
   * @param cooldown epochs to wait after a reduction before counting again
   * @param minLr the lowest learning rate
   */
  public ReduceLROnPlateau(String monitor, double factor, int patience, String mode, double minDelta,
      int cooldown, double minLr) {
    if (factor >= 1.0) {
      throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0, got " + factor);
    }
    this.monitor = Monitor.of(monitor, mode, "Learning rate reduction is conditioned on", ".");
    this.factor = factor;
    this.patience = patience;
    this.minDelta = minDelta;
    this.cooldown = cooldown;
    this.minLr = minLr;
  }

  /** Keras's defaults: monitor val_loss, factor 0.1, patience 10, min_delta 1e-4. */
  public ReduceLROnPlateau() {
    this("val_loss", 0.1, 10, "auto", 1e-4, 0, 0.0);
  }

  /** {@return a builder starting from Keras's defaults} */
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
    best = monitor.worst();
    wait = 0;
    cooldownCounter = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    double lr = model.optimizer().learningRate();
    logs.put("learning_rate", lr);
    Double current = monitor.value(logs);
    if (current == null) {
      return;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    if (monitor.improves(current, best, minDelta)) {
      best = current;
      wait = 0;
    } else if (cooldownCounter <= 0) {
      wait++;
      if (wait >= patience && lr > minLr) {
        model.optimizer().setLearningRate(Math.max(lr * factor, minLr));
        cooldownCounter = cooldown;
        wait = 0;
      }
    }
  }

  /** Builds a {@link ReduceLROnPlateau}; every setting starts at Keras's default. */
  public static final class Builder {
    private String monitor = "val_loss";
    private double factor = 0.1;
    private int patience = 10;
    private String mode = "auto";
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

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
     * What the learning rate is multiplied by (default 0.1; must be below 1).
     *
     * @param v what the learning rate is multiplied by (default 0.1; must be below 1)
     * @return this builder
     */
    public Builder factor(double v) {
      factor = v;
      return this;
    }

    /**
     * Epochs without improvement before a reduction (default 10).
     *
     * @param v epochs without improvement before a reduction (default 10)
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
     * The smallest change that counts as an improvement (default 1e-4).
     *
     * @param v the smallest change that counts as an improvement (default 1e-4)
     * @return this builder
     */
    public Builder minDelta(double v) {
      minDelta = v;
      return this;
    }

    /**
     * Epochs to wait after a reduction before counting again (default 0).
     *
     * @param v epochs to wait after a reduction before counting again (default 0)
     * @return this builder
     */
    public Builder cooldown(int v) {
      cooldown = v;
      return this;
    }

    /**
     * The lowest learning rate (default 0).
     *
     * @param v the lowest learning rate (default 0)
     * @return this builder
     */
    public Builder minLr(double v) {
      minLr = v;
      return this;
    }

    /** {@return the callback with the values set so far} */
    public ReduceLROnPlateau build() {
      return new ReduceLROnPlateau(monitor, factor, patience, mode, minDelta, cooldown, minLr);
    }
  }
}
