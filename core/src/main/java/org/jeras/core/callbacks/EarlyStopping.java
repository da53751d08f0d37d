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

  public EarlyStopping(String monitor, double minDelta, int patience, String mode, Double baseline,
      boolean restoreBestWeights, int startFromEpoch) {
    this.monitor = Monitor.of(monitor, mode, "Early stopping conditioned on", "");
    this.minDelta = Math.abs(minDelta);
    this.patience = patience;
    this.baseline = baseline;
    this.restoreBestWeights = restoreBestWeights;
    this.startFromEpoch = startFromEpoch;
  }

  /** Keras's defaults: monitor val_loss, patience 0. */
  public EarlyStopping(String monitor, int patience) {
    this(monitor, 0, patience, "auto", null, false, 0);
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
    if (current == null || epoch < startFromEpoch) {
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

  /** The epoch at which training was stopped, or -1. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }
}
