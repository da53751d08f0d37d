package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code SparseCategoricalCrossentropy} metric: the running mean of the per-sample sparse categorical
 * crossentropy.
 */
public final class SparseCategoricalCrossentropy extends MeanMetricWrapper {
  private final boolean fromLogits;
  private final Integer ignoreClass;
  private final int axis;
  private final org.jeras.core.losses.Loss fn;

  /**
   * Keras's {@code SparseCategoricalCrossentropy(...)}.
   *
   * @param fromLogits Keras's {@code from_logits}
   * @param ignoreClass Keras's {@code ignore_class}
   * @param axis Keras's {@code axis}
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for float32
   */
  public SparseCategoricalCrossentropy(boolean fromLogits, Integer ignoreClass, int axis, String name, DType dtype) {
    super(name, dtype);
    this.fromLogits = fromLogits;
    this.ignoreClass = ignoreClass;
    this.axis = axis;
    this.fn = new org.jeras.core.losses.SparseCategoricalCrossentropy(fromLogits, ignoreClass, axis);
  }

  /** Keras's {@code SparseCategoricalCrossentropy()}: every argument at its default. */
  public SparseCategoricalCrossentropy() {
    this(false, null, -1, "sparse_categorical_crossentropy", DType.FLOAT32);
  }

  @Override
  protected Tensor values(Tensor yTrue, Tensor yPred) {
    return fn.call(yTrue, yPred);
  }

  @Override
  protected void addConfig(Config config) {
    config.put("from_logits", fromLogits);
    config.put("ignore_class", ignoreClass);
    config.put("axis", axis);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code SparseCategoricalCrossentropy.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static SparseCategoricalCrossentropy fromConfig(Config config) {
    return new SparseCategoricalCrossentropy(config.getBoolean("from_logits", false),
        config.getIntOrNull("ignore_class"), config.getInt("axis", -1),
        nameOf(config, "sparse_categorical_crossentropy"), dtypeOf(config));
  }
}
