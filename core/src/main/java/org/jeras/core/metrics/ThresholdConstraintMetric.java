package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code SensitivitySpecificityBase}: confusion counts at {@code num_thresholds} evenly
 * spaced thresholds in [0, 1] (one threshold: 0.5), and the best value of one rate over the
 * thresholds where another rate reaches a target ({@code PrecisionAtRecall},
 * {@code RecallAtPrecision}, {@code SensitivityAtSpecificity}, {@code SpecificityAtSensitivity}).
 */
public abstract class ThresholdConstraintMetric extends Metric {
  /** A rate computed from the four counters at each threshold. */
  enum Rate {
    RECALL, PRECISION, SPECIFICITY;

    double at(double tp, double fp, double tn, double fn) {
      return switch (this) {
        case RECALL -> divideNoNan(tp, tp + fn);
        case PRECISION -> divideNoNan(tp, tp + fp);
        case SPECIFICITY -> divideNoNan(tn, tn + fp);
      };
    }

    private static double divideNoNan(double a, double b) {
      return b == 0 ? 0 : (float) a / (float) b;
    }
  }

  private final double value;
  private final int numThresholds;
  private final Integer classId;
  private final String valueKey;
  private final Rate constrained;
  private final Rate dependent;
  private final double[] thresholds;
  private final ConfusionMatrix.Counters counters;

  ThresholdConstraintMetric(String valueKey, double value, Rate constrained, Rate dependent, int numThresholds,
      Integer classId, String name, DType dtype) {
    super(name, dtype);
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException("Argument `" + valueKey + "` must be in the range [0, 1]. Received: "
          + valueKey + "=" + value);
    }
    if (numThresholds <= 0) {
      throw new IllegalArgumentException("Argument `num_thresholds` must be an integer > 0. Received: num_thresholds="
          + numThresholds);
    }
    this.value = value;
    this.valueKey = valueKey;
    this.numThresholds = numThresholds;
    this.classId = classId;
    this.constrained = constrained;
    this.dependent = dependent;
    if (numThresholds == 1) {
      thresholds = new double[] {0.5};
    } else {
      thresholds = new double[numThresholds];
      for (int i = 0; i < numThresholds - 2; i++) {
        thresholds[i + 1] = (i + 1) * 1.0 / (numThresholds - 1);
      }
      thresholds[numThresholds - 1] = 1.0;
    }
    Variable tp = addVariable("true_positives", numThresholds);
    Variable fp = addVariable("false_positives", numThresholds);
    Variable tn = addVariable("true_negatives", numThresholds);
    Variable fn = addVariable("false_negatives", numThresholds);
    counters = new ConfusionMatrix.Counters(tp, fp, tn, fn);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    ConfusionMatrix.update(counters, yTrue, yPred, thresholds, numThresholds > 1, null, classId, sampleWeight);
  }

  /** Keras's {@code _find_max_under_constraint} with {@code >=}: 0 when no threshold qualifies. */
  @Override
  public INDArray resultArray() {
    double[] tp = counters.tp().array().toDoubleVector();
    double[] fp = counters.fp().array().toDoubleVector();
    double[] tn = counters.tn().array().toDoubleVector();
    double[] fn = counters.fn().array().toDoubleVector();
    float best = 0;
    for (int i = 0; i < tp.length; i++) {
      if ((float) constrained.at(tp[i], fp[i], tn[i], fn[i]) >= (float) value) {
        best = Math.max(best, (float) dependent.at(tp[i], fp[i], tn[i], fn[i]));
      }
    }
    return Nd4j.scalar(best);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("class_id", classId).put("num_thresholds", numThresholds).put(valueKey, value);
  }

  /** {@code class_id} of a config, or null. */
  static Integer classIdOf(Config config) {
    return config.getIntOrNull("class_id");
  }
}
