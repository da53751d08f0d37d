package org.jeras.core.metrics;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code CategoricalCrossentropy} metric: the running mean of the per-sample categorical crossentropy. */
public final class CategoricalCrossentropy extends MeanMetricWrapper {
  private final boolean fromLogits;
  private final Number labelSmoothing;
  private final int axis;
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code CategoricalCrossentropy(...)}.
   *
   * @param fromLogits Keras's {@code from_logits}
   * @param labelSmoothing Keras's {@code label_smoothing}
   * @param axis Keras's {@code axis}
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public CategoricalCrossentropy(boolean fromLogits, Number labelSmoothing, int axis, String name, DType dtype) {
    super(name, dtype);
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.axis = axis;
    this.fn = new org.jeras.core.losses.CategoricalCrossentropy(fromLogits, labelSmoothing.doubleValue(), axis);
  }

  /** Keras's {@code CategoricalCrossentropy()}: every argument at its default. */
  public CategoricalCrossentropy() {
    this(false, 0, -1, "categorical_crossentropy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits);
    config.put("label_smoothing", new JsonPrimitive(labelSmoothing));
    config.put("axis", axis);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code CategoricalCrossentropy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static CategoricalCrossentropy fromConfig(Config config) {
    return new CategoricalCrossentropy(config.getBoolean("from_logits", false), config.getNumber("label_smoothing", 0),
        config.getInt("axis", -1), nameOf(config, "categorical_crossentropy"), dtypeOf(config));
  }
}
