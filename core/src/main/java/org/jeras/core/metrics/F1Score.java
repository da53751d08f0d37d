package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code F1Score}: {@link FBetaScore} with beta 1, which its config omits. */
public final class F1Score extends FBetaScore {
  /**
   * Keras's {@code F1Score(average, threshold, name, dtype)}.
   *
   * @param average null, {@code "micro"}, {@code "macro"} or {@code "weighted"}
   * @param threshold the score above which a prediction is positive, or null for the row maximum
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public F1Score(String average, Double threshold, String name, DType dtype) {
    super(average, 1.0, threshold, name, dtype);
  }

  /** Keras's {@code F1Score()}: every argument at its default. */
  public F1Score() {
    this(null, null, "f1_score", DType.FLOAT32);
  }

  @Override
  protected void addConfig(Config config) {
    super.addConfig(config);
    config.remove("beta");
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code F1Score.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static F1Score fromConfig(Config config) {
    return new F1Score(averageOf(config), thresholdOf(config), nameOf(config, "f1_score"), dtypeOf(config));
  }
}
