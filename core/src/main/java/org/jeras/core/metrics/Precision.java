package org.jeras.core.metrics;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code Precision}: {@code tp / (tp + fp)} at each threshold (0.5 by default; with
 * {@code top_k}, the top k scores of a row count as positive). Variables {@code true_positives},
 * {@code false_positives}.
 */
public final class Precision extends ConfusionRate {
  /**
   * Keras's {@code Precision(thresholds, top_k, class_id, name, dtype)}.
   *
   * @param thresholds null, one number or a list (as in a Keras config); topK, classId nullable.
   * @param topK only the top {@code k} predictions count, or null
   * @param classId the only class looked at, or null
   * @param name the name results are logged under, or null
   * @param dtype the state dtype
   */
  public Precision(JsonElement thresholds, Integer topK, Integer classId, String name, DType dtype) {
    super("precision", "false_positives", thresholds, topK, classId, name, dtype);
  }

  /**
   * Keras's {@code Precision(thresholds)}.
   *
   * @param thresholds the thresholds; none for 0.5
   */
  public Precision(double... thresholds) {
    this(thresholds.length == 0 ? null : thresholdsJson(thresholds), null, null, null, DType.FLOAT32);
  }

  @Override
  ConfusionMatrix.Counters counters(Variable truePositives, Variable falsePositives) {
    return new ConfusionMatrix.Counters(truePositives, falsePositives, null, null);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code Precision.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static Precision fromConfig(Config config) {
    return new Precision(thresholdsOf(config), config.getIntOrNull("top_k"), config.getIntOrNull("class_id"),
        config.getString("name", null), dtypeOf(config));
  }
}
