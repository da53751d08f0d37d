package org.jeras.core.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.PyNumber;
import org.jeras.core.layer.Names;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared shape of Keras's {@code Precision} and {@code Recall}: {@code tp / (tp + other)} per
 * threshold, with variables {@code true_positives} and the other counter, and the config keys
 * {@code thresholds}, {@code top_k}, {@code class_id}.
 */
abstract class ConfusionRate extends Metric {
  private final JsonElement initThresholds;
  private final double[] thresholds;
  private final boolean evenly;
  private final Integer topK;
  private final Integer classId;
  private final Variable truePositives;
  private final Variable other;

  ConfusionRate(String defaultName, String otherName, JsonElement thresholds, Integer topK, Integer classId,
      String name, DType dtype) {
    super(name == null ? Names.unique(defaultName) : name, dtype);
    this.initThresholds = thresholds == null ? JsonNull.INSTANCE : thresholds;
    this.thresholds = parseThresholds(this.initThresholds, topK == null ? 0.5 : ConfusionMatrix.NEG_INF);
    this.evenly = ConfusionMatrix.evenlyDistributed(this.thresholds);
    this.topK = topK;
    this.classId = classId;
    truePositives = addVariable("true_positives", this.thresholds.length);
    other = addVariable(otherName, this.thresholds.length);
  }

  /** Which of fp / fn the second counter is. */
  abstract ConfusionMatrix.Counters counters(Variable truePositives, Variable other);

  /** Keras's {@code parse_init_thresholds}: null, one float or a list, each in [0, 1]. */
  static double[] parseThresholds(JsonElement e, double defaultThreshold) {
    if (e.isJsonNull()) {
      return new double[] {defaultThreshold};
    }
    double[] out;
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      out = new double[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.get(i).getAsDouble();
      }
    } else {
      out = new double[] {e.getAsDouble()};
    }
    for (double t : out) {
      if (t < 0 || t > 1) {
        throw new ConfigException("Config key 'thresholds': values must be in [0, 1], got " + e);
      }
    }
    return out;
  }

  /** A thresholds argument as Keras writes it: one float or a list of floats. */
  static JsonElement thresholdsJson(double... thresholds) {
    if (thresholds.length == 1) {
      return new JsonPrimitive(PyNumber.of(thresholds[0]));
    }
    JsonArray a = new JsonArray();
    for (double t : thresholds) {
      a.add(PyNumber.of(t));
    }
    return a;
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    ConfusionMatrix.update(counters(truePositives, other), yTrue, yPred, thresholds, evenly, topK, classId, sampleWeight);
  }

  @Override
  public INDArray resultArray() {
    INDArray tp = truePositives.array();
    INDArray denom = tp.add(other.array());
    INDArray r = tp.div(denom);
    for (long i = 0; i < r.length(); i++) {
      if (denom.getDouble(i) == 0) {
        r.putScalar(i, 0.0); // divide_no_nan
      }
    }
    return thresholds.length == 1 ? r.getScalar(0).reshape() : r;
  }

  /** {@return the thresholds predictions are compared to} */
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  protected void addConfig(Config config) {
    config.put("thresholds", initThresholds).put("top_k", topK).put("class_id", classId);
  }

  static JsonElement thresholdsOf(Config config) {
    return config.getOrNull("thresholds");
  }
}
