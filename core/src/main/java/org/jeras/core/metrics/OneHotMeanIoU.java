package org.jeras.core.metrics;

import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code OneHotMeanIoU}: {@link MeanIoU} with one-hot targets (argmax along {@code axis}). */
public final class OneHotMeanIoU extends MeanIoU {
  /**
   * Keras's {@code OneHotMeanIoU(num_classes, name, dtype, ignore_class, sparse_y_pred, axis)}.
   *
   * @param numClasses the number of classes
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for int32
   * @param ignoreClass a class whose true labels are skipped, or null
   * @param sparseYPred whether predictions are integer classes (default false: scores)
   * @param axis the class axis
   */
  public OneHotMeanIoU(int numClasses, String name, DType dtype, Integer ignoreClass, boolean sparseYPred, int axis) {
    super(numClasses, name, dtype, ignoreClass, false, sparseYPred, axis);
  }

  /** Keras's key order, without sparse_y_true. */
  @Override
  public Config getConfig() {
    Config c = Config.empty().put("num_classes", numClasses()).put("name", name()).put("dtype", dtype().kerasName());
    return putIoUKeys(c, false, false);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code OneHotMeanIoU.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static OneHotMeanIoU fromConfig(Config config) {
    return new OneHotMeanIoU(numClassesOf(config), nameOf(config, "one_hot_mean_io_u"), intDtypeOf(config),
        config.getIntOrNull("ignore_class"), config.getBoolean("sparse_y_pred", false), config.getInt("axis", -1));
  }
}
