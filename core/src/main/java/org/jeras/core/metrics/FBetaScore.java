package org.jeras.core.metrics;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code FBetaScore} of 2-D multi-class or multi-label targets and scores
 * {@code (batch, classes)}: predictions above {@code threshold} (without a threshold: the
 * row's maximum) count as positive; from running (weighted) true/false positive and false
 * negative counts, {@code (1 + b^2) P R / (b^2 P + R)} per class, then kept per class
 * ({@code average=None}), averaged ({@code "macro"}), computed on pooled counts ({@code "micro"})
 * or weighted by each class's support ({@code "weighted"}).
 */
public class FBetaScore extends Metric {
  private static final double EPSILON = 1e-7;
  private static final List<String> AVERAGES = java.util.Arrays.asList(null, "micro", "macro", "weighted");
  private final String average;
  private final double beta;
  private final Double threshold;
  private Variable truePositives;
  private Variable falsePositives;
  private Variable falseNegatives;
  private Variable intermediateWeights;

  /**
   * Keras's {@code FBetaScore(average, beta, threshold, name, dtype)}.
   *
   * @param average null, {@code "micro"}, {@code "macro"} or {@code "weighted"}
   * @param beta the weight of recall relative to precision, &gt; 0
   * @param threshold the score above which a prediction is positive, in (0, 1], or null for the row maximum
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public FBetaScore(String average, double beta, Double threshold, String name, DType dtype) {
    super(name, dtype);
    if (!AVERAGES.contains(average)) {
      throw new IllegalArgumentException("Invalid `average` argument value. Expected one of: {None, 'micro', "
          + "'macro', 'weighted'}. Received: average=" + average);
    }
    if (!(beta > 0)) {
      throw new IllegalArgumentException("Invalid `beta` argument value. It should be > 0. Received: beta=" + beta);
    }
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("Invalid `threshold` argument value. It should verify 0 < threshold <= 1. "
          + "Received: threshold=" + threshold);
    }
    this.average = average;
    this.beta = beta;
    this.threshold = threshold;
  }

  /** Keras's {@code FBetaScore()}: every argument at its default. */
  public FBetaScore() {
    this(null, 1.0, null, "fbeta_score", DType.FLOAT32);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    DataType dt = dtype().nd4j();
    INDArray t = yTrue.value().castTo(dt);
    INDArray p = yPred.value().castTo(dt);
    if (t.rank() != 2 || p.rank() != 2) {
      throw new IllegalArgumentException(className() + " expects 2D inputs with shape (batch_size, output_dim). "
          + "Received input shapes: y_pred.shape=" + yPred.shape() + " and y_true.shape=" + yTrue.shape() + ".");
    }
    if (truePositives == null) {
      long[] shape = "micro".equals(average) ? new long[0] : new long[] {p.size(1)};
      truePositives = addVariable("true_positives", shape);
      falsePositives = addVariable("false_positives", shape);
      falseNegatives = addVariable("false_negatives", shape);
      intermediateWeights = addVariable("intermediate_weights", shape);
    }
    INDArray predicted;
    if (threshold == null) {
      INDArray max = p.max(true, 1).broadcast(p.shape());
      predicted = p.sub(max).gte(0.0).castTo(dt).muli(org.nd4j.linalg.ops.transforms.Transforms.abs(p, true).gt(1e-9).castTo(dt));
    } else {
      predicted = p.gt(threshold).castTo(dt);
    }
    INDArray w = null;
    if (sampleWeight != null) {
      w = sampleWeight.value().castTo(dt);
      if (w.rank() < 2) {
        w = w.reshape(w.length(), 1);
      }
      w = w.broadcast(t.shape());
    }
    assignAdd(truePositives, weightedSum(predicted.mul(t), w));
    assignAdd(falsePositives, weightedSum(predicted.mul(t.rsub(1.0)), w));
    assignAdd(falseNegatives, weightedSum(predicted.rsub(1.0).muli(t), w));
    assignAdd(intermediateWeights, weightedSum(t.dup(), w));
  }

  private INDArray weightedSum(INDArray values, INDArray w) {
    if (w != null) {
      values.muli(w);
    }
    return "micro".equals(average) ? values.sum() : values.sum(0);
  }

  @Override
  public INDArray resultArray() {
    if (truePositives == null) {
      throw new IllegalStateException(className() + " '" + name() + "' has no result before its first update");
    }
    INDArray tp = truePositives.array();
    INDArray precision = tp.div(tp.add(falsePositives.array()).addi(EPSILON));
    INDArray recall = tp.div(tp.add(falseNegatives.array()).addi(EPSILON));
    double b2 = beta * beta;
    INDArray score = precision.mul(recall).divi(precision.mul(b2).addi(recall).addi(EPSILON)).muli(1 + b2);
    if ("weighted".equals(average)) {
      INDArray iw = intermediateWeights.array();
      INDArray weights = iw.div(iw.sumNumber().doubleValue() + EPSILON);
      return score.mul(weights).sum();
    }
    return average != null ? score.mean() : score;
  }

  @Override
  protected void addConfig(Config config) {
    config.put("average", average).put("beta", beta)
        .put("threshold", threshold == null ? com.google.gson.JsonNull.INSTANCE
            : new com.google.gson.JsonPrimitive(org.jeras.core.config.PyNumber.of(threshold)));
  }

  /** The shared keys of F-scores' configs: average and threshold, validated with a config error. */
  static String averageOf(Config config) {
    String a = config.getString("average", null);
    if (!AVERAGES.contains(a)) {
      throw new ConfigException("Config key 'average': expected one of None, 'micro', 'macro', 'weighted'; got " + a);
    }
    return a;
  }

  static Double thresholdOf(Config config) {
    return config.isSet("threshold") ? config.getDouble("threshold") : null;
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code FBetaScore.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static FBetaScore fromConfig(Config config) {
    return new FBetaScore(averageOf(config), config.getDouble("beta", 1.0), thresholdOf(config),
        nameOf(config, "fbeta_score"), dtypeOf(config));
  }
}
