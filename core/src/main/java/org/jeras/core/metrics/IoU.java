package org.jeras.core.metrics;

import com.google.gson.JsonArray;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code IoU}: intersection over union {@code tp / (tp + fp + fn)} per class, from a
 * running {@code num_classes x num_classes} confusion matrix (rows: true class, columns: predicted
 * class), averaged over {@code target_class_ids} whose denominator is not 0. Labels (and
 * predictions) are integer classes, or one-hot/score vectors reduced by argmax along {@code axis}
 * when not sparse; pairs outside {@code [0, num_classes)} or of {@code ignore_class} add nothing.
 *
 * <p>As in Keras the default state dtype is int32, so sample weights are truncated to integers.
 */
public class IoU extends Metric {
  private final int numClasses;
  private final int[] targetClassIds;
  private final Integer ignoreClass;
  private final boolean sparseYTrue;
  private final boolean sparseYPred;
  private final int axis;
  private final Variable totalConfusionMatrix;

  /**
   * Keras's {@code IoU(num_classes, target_class_ids, name, dtype, ignore_class, sparse_y_true,
   * sparse_y_pred, axis)}.
   *
   * @param numClasses the number of classes
   * @param targetClassIds the classes whose IoU is averaged
   * @param name the name results are logged under
   * @param dtype the state dtype, or null for int32
   * @param ignoreClass a class whose true labels are skipped, or null
   * @param sparseYTrue whether targets are integer classes (else argmax along {@code axis})
   * @param sparseYPred whether predictions are integer classes (else argmax along {@code axis})
   * @param axis the class axis of dense targets or predictions
   */
  public IoU(int numClasses, int[] targetClassIds, String name, DType dtype, Integer ignoreClass, boolean sparseYTrue,
      boolean sparseYPred, int axis) {
    super(name, dtype == null ? DType.INT32 : dtype);
    if (numClasses < 1) {
      throw new IllegalArgumentException("num_classes must be at least 1, got " + numClasses);
    }
    if (targetClassIds.length == 0) {
      throw new IllegalArgumentException("target_class_ids must not be empty");
    }
    int max = Arrays.stream(targetClassIds).max().getAsInt();
    if (max >= numClasses) {
      throw new IllegalArgumentException("Target class id " + max + " is out of range, which is [0, " + numClasses + ").");
    }
    this.numClasses = numClasses;
    this.targetClassIds = targetClassIds.clone();
    this.ignoreClass = ignoreClass;
    this.sparseYTrue = sparseYTrue;
    this.sparseYPred = sparseYPred;
    this.axis = axis;
    totalConfusionMatrix = addVariable("total_confusion_matrix", numClasses, numClasses);
  }

  /** {@return the number of classes} */
  public int numClasses() {
    return numClasses;
  }

  /**
   * The predicted classes of one batch; BinaryIoU thresholds scores instead.
   *
   * @param yPred the predictions
   * @return the predicted classes, any shape
   */
  protected INDArray predictedClasses(INDArray yPred) {
    return sparseYPred ? yPred : argmax(yPred);
  }

  private INDArray argmax(INDArray x) {
    return Nd4j.argMax(x, axis < 0 ? axis + x.rank() : axis);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    DataType dt = dtype().nd4j();
    long[] labels = (sparseYTrue ? yTrue.value() : argmax(yTrue.value())).castTo(dt).castTo(DataType.LONG)
        .reshape(-1).toLongVector();
    long[] preds = predictedClasses(yPred.value()).castTo(dt).castTo(DataType.LONG).reshape(-1).toLongVector();
    if (labels.length != preds.length) {
      throw new IllegalArgumentException(className() + ": " + labels.length + " labels for " + preds.length
          + " predictions");
    }
    double[] w = new double[labels.length];
    if (sampleWeight == null) {
      Arrays.fill(w, 1);
    } else {
      INDArray sw = sampleWeight.value().castTo(dt).castTo(DataType.DOUBLE).reshape(-1);
      if (sw.length() == 1) {
        Arrays.fill(w, sw.getDouble(0));
      } else if (sw.length() == labels.length) {
        w = sw.toDoubleVector();
      } else {
        throw new IllegalArgumentException(className() + ": " + sw.length() + " sample weights for "
            + labels.length + " labels");
      }
    }
    double[][] cm = new double[numClasses][numClasses];
    for (int i = 0; i < labels.length; i++) {
      boolean inBounds = labels[i] >= 0 && labels[i] < numClasses && preds[i] >= 0 && preds[i] < numClasses
          && (ignoreClass == null || labels[i] != ignoreClass);
      // Keras moves out-of-bounds pairs to (0, 0) with weight 0
      if (inBounds) {
        cm[(int) labels[i]][(int) preds[i]] += w[i];
      }
    }
    assignAdd(totalConfusionMatrix, Nd4j.createFromArray(cm).castTo(dt));
  }

  @Override
  public INDArray resultArray() {
    INDArray cm = totalConfusionMatrix.array().castTo(DataType.DOUBLE);
    double sum = 0;
    double valid = 0;
    for (int c : targetClassIds) {
      double tp = cm.getDouble(c, c);
      float denominator = (float) (cm.getRow(c).sumNumber().doubleValue() + cm.getColumn(c).sumNumber().doubleValue()
          - tp);
      if (denominator > 1e-9) {
        sum += (float) tp / (denominator + 1e-7f);
        valid++;
      }
    }
    return Nd4j.scalar((float) (sum / (valid + 1e-7)));
  }

  /** {@return Keras's {@code target_class_ids} as a JSON list} */
  JsonArray targetClassIdsJson() {
    JsonArray a = new JsonArray();
    Arrays.stream(targetClassIds).forEach(a::add);
    return a;
  }

  /**
   * {@return the base config entries in Keras's {@code _IoUBase} order, after name and dtype}
   *
   * @param c the config to add to
   * @param withTargets whether to write {@code target_class_ids}
   * @param withSparseYTrue whether to write {@code sparse_y_true}
   */
  Config putIoUKeys(Config c, boolean withTargets, boolean withSparseYTrue) {
    if (withTargets) {
      c.put("target_class_ids", targetClassIdsJson());
    }
    c.put("ignore_class", ignoreClass);
    if (withSparseYTrue) {
      c.put("sparse_y_true", sparseYTrue);
    }
    return c.put("sparse_y_pred", sparseYPred).put("axis", axis);
  }

  @Override
  public Config getConfig() {
    Config c = Config.empty().put("name", name()).put("dtype", dtype().kerasName()).put("num_classes", numClasses);
    return putIoUKeys(c, true, true);
  }

  static int numClassesOf(Config config) {
    if (!config.isSet("num_classes")) {
      throw new ConfigException("Config key 'num_classes' is required");
    }
    return config.getInt("num_classes");
  }

  static DType intDtypeOf(Config config) {
    return config.isSet("dtype") ? dtypeOf(config) : DType.INT32;
  }

  /**
   * Rebuilds a metric from its config (Keras's {@code IoU.from_config}).
   *
   * @param config the metric's config
   * @return the metric
   */
  public static IoU fromConfig(Config config) {
    return new IoU(numClassesOf(config), config.getInts("target_class_ids"), nameOf(config, "io_u"),
        intDtypeOf(config), config.getIntOrNull("ignore_class"), config.getBoolean("sparse_y_true", true),
        config.getBoolean("sparse_y_pred", true), config.getInt("axis", -1));
  }
}
