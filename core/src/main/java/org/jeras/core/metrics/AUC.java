package org.jeras.core.metrics;

import com.google.gson.JsonArray;
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
 * each of shape {@code [num_thresholds]}. Single-label only ({@code multi_label=false}).
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
  private final Variable tp;
  private final Variable fp;
  private final Variable tn;
  private final Variable fn;

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
    super(name == null ? Names.unique("auc") : name, dtype);
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
    tp = addVariable("true_positives", this.numThresholds);
    fp = addVariable("false_positives", this.numThresholds);
    tn = addVariable("true_negatives", this.numThresholds);
    fn = addVariable("false_negatives", this.numThresholds);
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
    ConfusionMatrix.update(new ConfusionMatrix.Counters(tp, fp, tn, fn), yTrue, p, thresholds, evenly, null, null,
        sampleWeight);
  }

  @Override
  public INDArray resultArray() {
    float[] t = tp.array().toFloatVector();
    float[] f = fp.array().toFloatVector();
    float[] n = tn.array().toFloatVector();
    float[] m = fn.array().toFloatVector();
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
      return Nd4j.scalar(sum);
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
    return Nd4j.scalar(sum);
  }

  private static float divNoNan(float a, float b) {
    return b == 0f ? 0f : a / b;
  }

  @Override
  protected void addConfig(Config config) {
    config.put("num_thresholds", numThresholds).put("curve", curve.name())
        .put("summation_method", summation.kerasName).put("multi_label", false).put("num_labels", (Integer) null)
        .put("label_weights", (String) null).put("from_logits", fromLogits);
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
    if (config.getBoolean("multi_label", false)) {
      throw new ConfigException("Config key 'multi_label': AUC with multi_label=true is not supported by Jeras yet");
    }
    if (config.isSet("label_weights")) {
      throw new ConfigException("Config key 'label_weights': AUC label weights are not supported by Jeras yet");
    }
    if (config.isSet("num_labels")) {
      throw new ConfigException("Config key 'num_labels' is only valid with multi_label=true");
    }
    return new AUC(config.getInt("num_thresholds", 200), Curve.of(config.getString("curve", "ROC")),
        Summation.of(config.getString("summation_method", "interpolation")), config.getString("name", null),
        dtypeOf(config), config.isSet("thresholds") ? config.getDoubles("thresholds") : null,
        config.getBoolean("from_logits", false));
  }
}
