package org.jeras.core.metrics;

import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code BinaryCrossentropy} metric: the running mean of the per-sample binary crossentropy. */
public final class BinaryCrossentropy extends MeanMetricWrapper {
  private final boolean fromLogits;
  private final Number labelSmoothing;
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code BinaryCrossentropy(...)}.
   *
   * @param fromLogits Keras's {@code from_logits}
   * @param labelSmoothing Keras's {@code label_smoothing}
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public BinaryCrossentropy(boolean fromLogits, Number labelSmoothing, String name, DType dtype) {
    super(name, dtype);
    this.fromLogits = fromLogits;
    this.labelSmoothing = labelSmoothing;
    this.fn = new org.jeras.core.losses.BinaryCrossentropy(fromLogits, labelSmoothing.doubleValue(), -1);
  }

  /** Keras's {@code BinaryCrossentropy()}: every argument at its default. */
  public BinaryCrossentropy() {
    this(false, 0, "binary_crossentropy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits);
    config.put("label_smoothing", new JsonPrimitive(labelSmoothing));
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code BinaryCrossentropy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static BinaryCrossentropy fromConfig(Config config) {
    return new BinaryCrossentropy(config.getBoolean("from_logits", false), config.getNumber("label_smoothing", 0),
        nameOf(config, "binary_crossentropy"), dtypeOf(config));
  }
}
