package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's {@code MaxNumBoundingBoxes}: images pass through unchanged; a batch's bounding boxes
 * ({@code (batch, boxes, 4)}) and their labels ({@code (batch, boxes)}) are cut or padded with
 * {@code fill_value} to exactly {@code max_number} boxes by {@link #boxes} and {@link #labels} (Jeras's
 * layers take images only, so the boxes are transformed beside the call). As in Keras 3.16, the config
 * keeps {@code max_number} but not {@code fill_value}.
 */
public class MaxNumBoundingBoxes extends ImageAugmentation {
  private final int maxNumber;
  private final int fillValue;

  /**
   * Keras's {@code MaxNumBoundingBoxes(max_number, fill_value)}.
   *
   * @param maxNumber the number of boxes kept per image (at least 1)
   * @param fillValue the value of the padding boxes and labels
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public MaxNumBoundingBoxes(int maxNumber, int fillValue, String dataFormat) {
    super(dataFormat, null);
    if (maxNumber < 1) {
      throw Args.invalid(className(), "max_number", "a positive integer", maxNumber);
    }
    this.maxNumber = maxNumber;
    this.fillValue = fillValue;
  }

  @Override
  protected boolean sameInTraining() {
    return true;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    return images; // not called: sameInTraining
  }

  /**
   * The first {@code max_number} boxes of each image, padded with {@code fill_value}.
   *
   * @param boxes the boxes, {@code (batch, boxes, 4)}
   * @return the boxes, {@code (batch, max_number, 4)}
   */
  public INDArray boxes(INDArray boxes) {
    if (boxes.rank() != 3 || boxes.size(2) != 4) {
      throw Args.invalid(className(), "boxes", "an array of shape (batch, boxes, 4)",
          java.util.Arrays.toString(boxes.shape()));
    }
    return fit(boxes);
  }

  /**
   * The first {@code max_number} labels of each image, padded with {@code fill_value}.
   *
   * @param labels the labels, {@code (batch, boxes)}
   * @return the labels, {@code (batch, max_number)}
   */
  public INDArray labels(INDArray labels) {
    if (labels.rank() != 2) {
      throw Args.invalid(className(), "labels", "an array of shape (batch, boxes)",
          java.util.Arrays.toString(labels.shape()));
    }
    return fit(labels);
  }

  private INDArray fit(INDArray a) {
    long[] shape = a.shape().clone();
    long kept = Math.min(maxNumber, shape[1]);
    shape[1] = maxNumber;
    INDArray out = Nd4j.valueArrayOf(shape, (double) fillValue, a.dataType());
    if (kept > 0) {
      INDArray src = a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, kept));
      out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, kept)).assign(src);
    }
    return out;
  }

  /** {@return the number of boxes kept per image} */
  public int maxNumber() {
    return maxNumber;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("max_number", maxNumber);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MaxNumBoundingBoxes.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MaxNumBoundingBoxes fromConfig(Config c) {
    if (!c.isSet("max_number")) {
      throw Args.invalid("MaxNumBoundingBoxes", "max_number", "a positive integer", "None");
    }
    return new MaxNumBoundingBoxes(c.getInt("max_number", 1), c.getInt("fill_value", -1), dataFormat(c))
        .withBaseConfig(c);
  }
}
