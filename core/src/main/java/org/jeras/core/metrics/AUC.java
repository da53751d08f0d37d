package org.jeras.core.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.PyNumber;
import org.jeras.core.layer.Names;
import org.jeras.core.losses.LossOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code AUC}: the area under the ROC, PR or PR-gain curve, approximated by a Riemann sum
 * over {@code num_thresholds} thresholds ({@code -eps, 1/(n-1), ..., 1+eps}). Variables
 * {@code true_positives}, {@code false_positives}, {@code true_negatives}, {@code false_negatives},
 * each of shape {@code [num_thresholds]}; with {@code multi_label} one column per label
 * ({@code [num_thresholds, num_labels]}, created at the first update unless {@code num_labels} is
 * given) and the result is the mean of the per-label areas, weighted by {@code label_weights} when
 * given. Label weights of a single-label AUC are not supported.
 */
public final class AUC extends Metric {
  /** Keras's {@code AUCCurve}. */
  public enum Curve {
    /** The receiver operating characteristic curve. */
    ROC,
    /** The precision-recall curve. */
    PR,
    /** The precision-recall-gain curve. */
    PRGAIN;

    static Curve of(String s) {
      switch (s) {
        case "ROC": case "roc": return ROC;
        case "PR": case "pr": return PR;
        case "PRGAIN": case "prgain": return PRGAIN;
        default: throw new ConfigException("Config key 'curve': invalid AUC curve '" + s + "'; expected ROC, PR or PRGAIN");
      }
    }
  }

  /** Keras's {@code AUCSummationMethod}. */
  public enum Summation {
    /** Riemann sum with the trapezoidal rule (interpolated for PR curves). */
    INTERPOLATION("interpolation"),
    /** Riemann sum using the larger value of each interval. */
    MAJORING("majoring"),
    /** Riemann sum using the smaller value of each interval. */
    MINORING("minoring");

    private final String kerasName;

    Summation(String kerasName) {
      this.kerasName = kerasName;
    }

    static Summation of(String s) {
      for (Summation m : values()) {
        String capitalized = Character.toUpperCase(m.kerasName.charAt(0)) + m.kerasName.substring(1);
        if (s.equals(m.kerasName) || s.equals(capitalized)) {
          return m;
        }
      }
      throw new ConfigException("Config key 'summation_method': invalid value '" + s
          + "'; expected interpolation, majoring or minoring");
    }
  }

  private final int numThresholds;
  private final double[] initThresholds;
  private final double[] thresholds;
  private final boolean evenly;
  private final Curve curve;
  private final Summation summation;
  private final boolean fromLogits;
  private final boolean multiLabel;
  private final Integer numLabels;
  private final float[] labelWeights;
  private Variable tp;
  private Variable fp;
  private Variable tn;
  private Variable fn;

  /**
   * Keras's {@code AUC} (single-label).
   *
   * @param thresholds explicit inner thresholds (then num_thresholds is their count + 2), or null
   * @param numThresholds the number of thresholds
   * @param curve the curve whose area is computed
   * @param summation how the area is summed
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   * @param fromLogits whether predictions are logits
   */
  public AUC(int numThresholds, Curve curve, Summation summation, String name, DType dtype, double[] thresholds,
      boolean fromLogits) {
    this(numThresholds, curve, summation, name, dtype, thresholds, false, null, null, fromLogits);
  }

  /**
   * Keras's {@code AUC} with every argument.
   *
   * @param numThresholds the number of thresholds
   * @param curve the curve whose area is computed
   * @param summation how the area is summed
   * @param name the name results are logged under (null: a unique {@code auc})
   * @param dtype the state dtype, or null for float32
   * @param thresholds explicit inner thresholds (then num_thresholds is their count + 2), or null
   * @param multiLabel whether each label (last axis) gets its own curve, the areas then averaged
   * @param numLabels the number of labels of a multi-label AUC, or null to take it from the first batch
   * @param labelWeights the weight of each label's area in the multi-label average, or null
   * @param fromLogits whether predictions are logits
   */
  public AUC(int numThresholds, Curve curve, Summation summation, String name, DType dtype, double[] thresholds,
      boolean multiLabel, Integer numLabels, float[] labelWeights, boolean fromLogits) {
    super(name == null ? Names.unique("auc") : name, dtype);
    if (!multiLabel && numLabels != null) {
      throw new IllegalArgumentException("`num_labels` is needed only when `multi_label` is True.");
    }
    if (!multiLabel && labelWeights != null) {
      throw new IllegalArgumentException("AUC label_weights without multi_label are not supported by Jeras yet");
    }
    for (float w : labelWeights == null ? new float[0] : labelWeights) {
      if (w < 0) {
        throw new IllegalArgumentException("All values of `label_weights` must be non-negative. Received: "
            + Arrays.toString(labelWeights));
      }
    }
    this.multiLabel = multiLabel;
    this.numLabels = numLabels;
    this.labelWeights = labelWeights == null ? null : labelWeights.clone();
    double[] inner;
    if (thresholds != null) {
      inner = thresholds.clone();
      Arrays.sort(inner);
      this.numThresholds = inner.length + 2;
      double[] withEnds = new double[inner.length + 2];
      System.arraycopy(inner, 0, withEnds, 1, inner.length);
      withEnds[inner.length + 1] = 1.0;
      this.evenly = ConfusionMatrix.evenlyDistributed(withEnds);
    } else {
      if (numThresholds <= 1) {
        throw new ConfigException("Config key 'num_thresholds' must be an integer > 1, got " + numThresholds);
      }
      this.numThresholds = numThresholds;
      inner = new double[numThresholds - 2];
      for (int i = 0; i < inner.length; i++) {
        inner[i] = (i + 1) * 1.0 / (numThresholds - 1);
      }
      this.evenly = true;
    }
    this.initThresholds = thresholds == null ? null : inner;
    this.thresholds = new double[inner.length + 2];
    System.arraycopy(inner, 0, this.thresholds, 1, inner.length);
    this.thresholds[0] = 0.0 - LossOps.EPSILON;
    this.thresholds[inner.length + 1] = 1.0 + LossOps.EPSILON;
    this.curve = curve;
    this.summation = summation;
    this.fromLogits = fromLogits;
    if (!multiLabel) {
      createVariables(this.numThresholds);
    } else if (numLabels != null) {
      createVariables(this.numThresholds, numLabels);
    }
  }

  private void createVariables(long... shape) {
    tp = addVariable("true_positives", shape);
    fp = addVariable("false_positives", shape);
    tn = addVariable("true_negatives", shape);
    fn = addVariable("false_negatives", shape);
  }

  /** Keras's {@code AUC()}: every argument at its default. */
  public AUC() {
    this(200, Curve.ROC, Summation.INTERPOLATION, null, DType.FLOAT32, null, false);
  }

  /** {@return the thresholds in use, including the {@code -eps} and {@code 1+eps} ends} */
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Tensor p = fromLogits ? NnOps.sigmoid(yPred) : yPred;
    if (!multiLabel) {
      ConfusionMatrix.update(new ConfusionMatrix.Counters(tp, fp, tn, fn), yTrue, p, thresholds, evenly, null, null,
          sampleWeight);
      return;
    }
    if (p.rank() != 2 || yTrue.rank() != 2) {
      throw new IllegalArgumentException("A multi-label AUC expects y_true and y_pred of shape (samples, labels), got "
          + yTrue.shape() + " and " + p.shape());
    }
    long labels = p.value().size(1);
    if (tp == null) {
      createVariables(numThresholds, labels);
    } else if (tp.array().size(1) != labels) {
      throw new IllegalArgumentException("AUC '" + name() + "' was built for " + tp.array().size(1)
          + " labels, got predictions with " + labels);
    }
    // one single-label update per label column, into that column of the counters
    for (int l = 0; l < labels; l++) {
      Variable[] column = new Variable[4];
      for (int k = 0; k < 4; k++) {
        column[k] = new Variable("column", "column", Nd4j.zeros(dtype().nd4j(), numThresholds), false);
      }
      ConfusionMatrix.update(new ConfusionMatrix.Counters(column[0], column[1], column[2], column[3]),
          Tensor.of(yTrue.value().getColumn(l).dup()), Tensor.of(p.value().getColumn(l).dup()), thresholds, evenly,
          null, null, sampleWeight);
      Variable[] all = {tp, fp, tn, fn};
      for (int k = 0; k < 4; k++) {
        INDArray target = all[k].array().dup();
        target.getColumn(l).addi(column[k].array());
        all[k].assign(target);
      }
    }
  }

  @Override
  public INDArray resultArray() {
    if (tp == null) {
      throw new IllegalStateException("AUC '" + name() + "' has no result before its first update");
    }
    if (!multiLabel) {
      return Nd4j.scalar(area(tp.array().toFloatVector(), fp.array().toFloatVector(), tn.array().toFloatVector(),
          fn.array().toFloatVector()));
    }
    long labels = tp.array().size(1);
    float sum = 0f;
    float weightSum = 0f;
    for (int l = 0; l < labels; l++) {
      float a = area(tp.array().getColumn(l).toFloatVector(), fp.array().getColumn(l).toFloatVector(),
          tn.array().getColumn(l).toFloatVector(), fn.array().getColumn(l).toFloatVector());
      float w = labelWeights == null ? 1f : labelWeights[l];
      sum += a * w;
      weightSum += w;
    }
    return Nd4j.scalar(labelWeights == null ? sum / labels : divNoNan(sum, weightSum));
  }

  /** The area under one curve from its counters per threshold. */
  private float area(float[] t, float[] f, float[] n, float[] m) {
    int k = numThresholds;
    float sum = 0f;
    if (curve == Curve.PR && summation == Summation.INTERPOLATION) {
      for (int i = 0; i < k - 1; i++) {
        float dtp = t[i] - t[i + 1];
        float p0 = t[i] + f[i];
        float p1 = t[i + 1] + f[i + 1];
        float slope = divNoNan(dtp, Math.max(p0 - p1, 0f));
        float intercept = t[i + 1] - slope * p1;
        float ratio = p0 > 0 && p1 > 0 ? divNoNan(p0, Math.max(p1, 0f)) : 1f;
        sum += divNoNan(slope * (dtp + intercept * (float) Math.log(ratio)), Math.max(t[i + 1] + m[i + 1], 0f));
      }
      return sum;
    }
    float[] x = new float[k];
    float[] y = new float[k];
    for (int i = 0; i < k; i++) {
      float recall = divNoNan(t[i], t[i] + m[i]);
      switch (curve) {
        case ROC:
          x[i] = divNoNan(f[i], f[i] + n[i]);
          y[i] = recall;
          break;
        case PR:
          x[i] = recall;
          y[i] = divNoNan(t[i], t[i] + f[i]);
          break;
        default:
          float scaling = divNoNan(t[i] + m[i], n[i] + f[i]);
          float recallGain = t[i] == 0 ? 0f : 1f - scaling * divNoNan(m[i], t[i]);
          float precisionGain = t[i] == 0 ? 1f : 1f - scaling * divNoNan(f[i], t[i]);
          x[i] = Math.max(recallGain, 0f);
          y[i] = precisionGain;
      }
    }
    for (int i = 0; i < k - 1; i++) {
      float height = summation == Summation.INTERPOLATION ? (y[i] + y[i + 1]) / 2f
          : summation == Summation.MINORING ? Math.min(y[i], y[i + 1]) : Math.max(y[i], y[i + 1]);
      sum += (x[i] - x[i + 1]) * height;
    }
    return sum;
  }

  private static float divNoNan(float a, float b) {
    return b == 0f ? 0f : a / b;
  }

  @Override
  protected void addConfig(Config config) {
    config.put("num_thresholds", numThresholds).put("curve", curve.name())
        .put("summation_method", summation.kerasName).put("multi_label", multiLabel).put("num_labels", numLabels)
        .put("label_weights", labelWeightsJson()).put("from_logits", fromLogits);
    if (initThresholds != null) {
      JsonArray a = new JsonArray();
      for (double v : initThresholds) {
        a.add(PyNumber.of(v));
      }
      config.put("thresholds", a);
    }
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code AUC.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static AUC fromConfig(Config config) {
    boolean multiLabel = config.getBoolean("multi_label", false);
    if (!multiLabel && config.isSet("label_weights")) {
      throw new ConfigException("Config key 'label_weights': AUC label weights without multi_label are not supported "
          + "by Jeras yet");
    }
    if (!multiLabel && config.isSet("num_labels")) {
      throw new ConfigException("Config key 'num_labels' is only valid with multi_label=true");
    }
    try {
      return new AUC(config.getInt("num_thresholds", 200), Curve.of(config.getString("curve", "ROC")),
          Summation.of(config.getString("summation_method", "interpolation")), config.getString("name", null),
          dtypeOf(config), config.isSet("thresholds") ? config.getDoubles("thresholds") : null, multiLabel,
          config.getIntOrNull("num_labels"), labelWeightsOf(config), config.getBoolean("from_logits", false));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid AUC config: " + e.getMessage(), e);
    }
  }

  /** Keras serializes label weights as a float32 tensor dict ({@code __tensor__}). */
  private JsonElement labelWeightsJson() {
    if (labelWeights == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray values = new JsonArray();
    for (float w : labelWeights) {
      values.add(PyNumber.of(w));
    }
    JsonObject config = new JsonObject();
    config.add("value", values);
    config.addProperty("dtype", "float32");
    JsonObject tensor = new JsonObject();
    tensor.addProperty("class_name", "__tensor__");
    tensor.add("config", config);
    return tensor;
  }

  /** {@code label_weights}: null, a list of numbers, or Keras's {@code __tensor__} dict. */
  private static float[] labelWeightsOf(Config config) {
    if (!config.isSet("label_weights")) {
      return null;
    }
    JsonElement e = config.get("label_weights");
    if (e.isJsonObject() && e.getAsJsonObject().has("config")
        && e.getAsJsonObject().getAsJsonObject("config").has("value")) {
      e = e.getAsJsonObject().getAsJsonObject("config").get("value");
    }
    if (!e.isJsonArray()) {
      throw new ConfigException("Config key 'label_weights': expected a list of numbers, got " + e);
    }
    float[] w = new float[e.getAsJsonArray().size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = e.getAsJsonArray().get(i).getAsFloat();
    }
    return w;
  }
}
