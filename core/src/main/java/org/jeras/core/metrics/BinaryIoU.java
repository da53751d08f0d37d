package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code BinaryIoU}: {@link IoU} over two classes, predictions at or above
 * {@code threshold} being class 1.
 */
public final class BinaryIoU extends IoU {
  private final double threshold;

  /**
   * Keras's {@code BinaryIoU(target_class_ids, threshold, name, dtype)}.
   *
   * @param targetClassIds {@code [0]}, {@code [1]} or {@code [0, 1]}
   * @param threshold the score from which a prediction is class 1
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for int32
   */
  public BinaryIoU(int[] targetClassIds, double threshold, String name, DType dtype) {
    super(2, targetClassIds, name, dtype, null, true, true, -1);
    this.threshold = threshold;
  }

  /** Keras's {@code BinaryIoU()}: both classes, threshold 0.5. */
  public BinaryIoU() {
    this(new int[] {0, 1}, 0.5, "binary_io_u", DType.INT32);
  }

  @Override
  protected INDArray predictedClasses(INDArray yPred) {
    return yPred.castTo(DataType.FLOAT).gte(threshold).castTo(dtype().nd4j());
  }

  /** Keras's config: target_class_ids, threshold, name, dtype only. */
  @Override
  public Config getConfig() {
    return Config.empty().put("target_class_ids", targetClassIdsJson()).put("threshold", threshold)
        .put("name", name()).put("dtype", dtype().kerasName());
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code BinaryIoU.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static BinaryIoU fromConfig(Config config) {
    int[] ids = config.isSet("target_class_ids") ? config.getInts("target_class_ids") : new int[] {0, 1};
    return new BinaryIoU(ids, config.getDouble("threshold", 0.5), nameOf(config, "binary_io_u"), intDtypeOf(config));
  }
}
