package org.jeras.core.metrics;

import java.util.stream.IntStream;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.DType;

/** Keras's {@code MeanIoU}: {@link IoU} averaged over every class. */
public class MeanIoU extends IoU {
  /**
   * Keras's {@code MeanIoU(num_classes, name, dtype, ignore_class, sparse_y_true, sparse_y_pred, axis)}.
   *
   * @param numClasses the number of classes
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for int32
   * @param ignoreClass a class whose true labels are skipped, or null
   * @param sparseYTrue whether targets are integer classes
   * @param sparseYPred whether predictions are integer classes
   * @param axis the class axis of dense targets or predictions
   */
  public MeanIoU(int numClasses, String name, DType dtype, Integer ignoreClass, boolean sparseYTrue,
      boolean sparseYPred, int axis) {
    super(numClasses, IntStream.range(0, numClasses).toArray(), name, dtype, ignoreClass, sparseYTrue, sparseYPred,
        axis);
  }

  /**
   * Keras's {@code MeanIoU(num_classes)}.
   *
   * @param numClasses the number of classes
   */
  public MeanIoU(int numClasses) {
    this(numClasses, "mean_io_u", DType.INT32, null, true, true, -1);
  }

  /** Keras's key order: num_classes first. */
  @Override
  public Config getConfig() {
    Config c = Config.empty().put("num_classes", numClasses()).put("name", name()).put("dtype", dtype().kerasName());
    return putIoUKeys(c, false, true);
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code MeanIoU.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static MeanIoU fromConfig(Config config) {
    return new MeanIoU(numClassesOf(config), nameOf(config, "mean_io_u"), intDtypeOf(config),
        config.getIntOrNull("ignore_class"), config.getBoolean("sparse_y_true", true),
        config.getBoolean("sparse_y_pred", true), config.getInt("axis", -1));
  }
}
