package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code OneHotIoU}: {@link IoU} with one-hot targets (argmax along {@code axis}). */
public final class OneHotIoU extends IoU {
  /**
   * Keras's {@code OneHotIoU(num_classes, target_class_ids, name, dtype, ignore_class, sparse_y_pred, axis)}.
   *
   * @param numClasses the number of classes
   * @param targetClassIds the classes whose IoU is averaged
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for int32
   * @param ignoreClass a class whose true labels are skipped, or null
   * @param sparseYPred whether predictions are integer classes (default false: scores)
   * @param axis the class axis
   */
  public OneHotIoU(int numClasses, int[] targetClassIds, String name, DType dtype, Integer ignoreClass,
      boolean sparseYPred, int axis) {
    super(numClasses, targetClassIds, name, dtype, ignoreClass, false, sparseYPred, axis);
  }

  /** Keras's key order: num_classes, target_class_ids, name, dtype, ... (no sparse_y_true). */
  @Override
  public Config getConfig() {
    Config c = Config.empty().put("num_classes", numClasses()).put("target_class_ids", targetClassIdsJson())
        .put("name", name()).put("dtype", dtype().kerasName());
    return putIoUKeys(c, false, false);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code OneHotIoU.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static OneHotIoU fromConfig(Config config) {
    return new OneHotIoU(numClassesOf(config), config.getInts("target_class_ids"), nameOf(config, "one_hot_io_u"),
        intDtypeOf(config), config.getIntOrNull("ignore_class"), config.getBoolean("sparse_y_pred", false),
        config.getInt("axis", -1));
  }
}
