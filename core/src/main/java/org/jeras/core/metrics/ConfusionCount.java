package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code _ConfusionMatrixConditionCount}, the base of {@code TruePositives},
 * {@code FalsePositives}, {@code TrueNegatives} and {@code FalseNegatives}: one weighted count per
 * threshold (default 0.5; a prediction is positive above it) in the variable {@code accumulator};
 * the result is a scalar for one threshold, else a vector.
 */
public abstract class ConfusionCount extends Metric {
  /** Which cell of the confusion matrix is counted. */
  enum Cell { TP, FP, TN, FN }

  private final Cell cell;
  private final JsonElement initThresholds;
  private final double[] thresholds;
  private final boolean evenly;
  private final Variable accumulator;

  ConfusionCount(Cell cell, JsonElement thresholds, String name, DType dtype) {
    super(name, dtype);
    this.cell = cell;
    this.initThresholds = thresholds == null ? JsonNull.INSTANCE : thresholds.deepCopy();
    this.thresholds = parse(this.initThresholds);
    this.evenly = ConfusionMatrix.evenlyDistributed(this.thresholds);
    accumulator = addVariable("accumulator", this.thresholds.length);
  }

  /** Keras's {@code parse_init_thresholds}: null gives 0.5; a number or a list of numbers in [0, 1]. */
  private static double[] parse(JsonElement e) {
    double[] t;
    if (e.isJsonNull()) {
      t = new double[] {0.5};
    } else if (e.isJsonArray()) {
      t = new double[e.getAsJsonArray().size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = e.getAsJsonArray().get(i).getAsDouble();
      }
    } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      t = new double[] {e.getAsDouble()};
    } else {
      throw new ConfigException("Config key 'thresholds': expected null, a number or a list of numbers, got " + e);
    }
    for (double v : t) {
      if (!(v >= 0 && v <= 1)) {
        throw new ConfigException("Threshold values must be in [0, 1]. Received: " + e);
      }
    }
    return t;
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    ConfusionMatrix.Counters counters = new ConfusionMatrix.Counters(cell == Cell.TP ? accumulator : null,
        cell == Cell.FP ? accumulator : null, cell == Cell.TN ? accumulator : null, cell == Cell.FN ? accumulator : null);
    ConfusionMatrix.update(counters, yTrue, yPred, thresholds, evenly, null, null, sampleWeight);
  }

  @Override
  public INDArray resultArray() {
    INDArray a = accumulator.array().dup();
    return thresholds.length == 1 ? a.reshape() : a;
  }

  @Override
  protected void addConfig(Config config) {
    config.put("thresholds", initThresholds.deepCopy());
  }
}
