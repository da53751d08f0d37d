package org.jeras.core.utils;

import java.nio.file.Path;
import java.util.Arrays;
import org.jeras.core.model.Model;
import org.jeras.core.ops.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Jeras's counterparts of {@code keras.utils}' array helpers, with the semantics Keras gives
 * NumPy arrays: {@link #toCategorical} and {@link #normalize}; and {@link #plotModel}.
 */
public final class Utils {
  private Utils() {}

  /**
   * Keras's {@code to_categorical(x)}: the number of classes is {@code max(x) + 1}.
   *
   * @param labels the {@code labels} argument, as in Keras
   * @return the result
   */
  public static INDArray toCategorical(INDArray labels) {
    return toCategorical(labels, 0);
  }

  /**
   * {@link #toCategorical(INDArray, int)} of Java labels, shaped {@code [labels.length]}.
   *
   * @param labels the {@code labels} argument, as in Keras
   * @param numClasses the number of classes
   * @return the result
   */
  public static INDArray toCategorical(int[] labels, int numClasses) {
    return toCategorical(Nd4j.createFromArray(labels), numClasses);
  }

  /**
   * Keras's {@code to_categorical(x, num_classes)}: one-hot rows (float64, as NumPy's) with the
   * class axis last. Labels are truncated to integers; a trailing axis of size 1 is dropped
   * ({@code (n, 1)} labels give {@code (n, num_classes)}). {@code numClasses <= 0} means
   * {@code max(labels) + 1}, as Keras's {@code None} (and {@code 0}). A label outside
   * {@code [0, numClasses)} is refused (NumPy would wrap a negative one).
    *
    * @param labels the {@code labels} argument, as in Keras
    * @param numClasses the number of classes
    * @return the result
   */
  public static INDArray toCategorical(INDArray labels, int numClasses) {
    long[] shape = labels.shape();
    if (shape.length > 1 && shape[shape.length - 1] == 1) {
      shape = Arrays.copyOf(shape, shape.length - 1);
    }
    long[] flat = labels.castTo(DataType.LONG).reshape(labels.length()).toLongVector();
    if (numClasses <= 0) {
      if (flat.length == 0) {
        throw new IllegalArgumentException("to_categorical: cannot infer num_classes from no labels");
      }
      numClasses = Math.toIntExact(Arrays.stream(flat).max().getAsLong() + 1);
    }
    INDArray out = Nd4j.zeros(DataType.DOUBLE, flat.length, numClasses);
    for (int i = 0; i < flat.length; i++) {
      if (flat[i] < 0 || flat[i] >= numClasses) {
        throw new IllegalArgumentException("to_categorical: label " + flat[i] + " at index " + i
            + " is outside [0, " + numClasses + ")");
      }
      out.putScalar(i, flat[i], 1.0);
    }
    long[] outShape = Arrays.copyOf(shape, shape.length + 1);
    outShape[shape.length] = numClasses;
    return out.reshape('c', outShape);
  }

  /**
   * Keras's {@code normalize(x)}: L2-normalizes along the last axis.
   *
   * @param x the input
   * @return the result
   */
  public static INDArray normalize(INDArray x) {
    return normalize(x, -1, 2);
  }

  /**
   * Keras's {@code normalize(x, axis, order)}: {@code x} divided by its {@code order}-norm along
   * {@code axis} (NumPy's vector norms: {@code inf} max |x|, {@code -inf} min |x|, {@code 0} the
   * count of non-zeros, else {@code sum(|x|^order)^(1/order)}), a zero norm counting as 1. The
   * result keeps a floating {@code x}'s dtype; integer input gives float64, as NumPy's.
    *
    * @param x the input
    * @param axis the axis
    * @param order the norm order
    * @return the result
   */
  public static INDArray normalize(INDArray x, int axis, double order) {
    if (x.rank() == 0) {
      throw new IllegalArgumentException("normalize: x must have at least one axis, got a scalar");
    }
    int ax = axis < 0 ? axis + x.rank() : axis;
    if (ax < 0 || ax >= x.rank()) {
      throw new IllegalArgumentException("normalize: axis " + axis + " is out of range for rank " + x.rank());
    }
    DataType type = x.dataType().isFPType() ? x.dataType() : DataType.DOUBLE;
    INDArray v = x.castTo(type);
    INDArray abs = Transforms.abs(v, true);
    INDArray norm;
    if (order == Double.POSITIVE_INFINITY) {
      norm = abs.max(true, ax);
    } else if (order == Double.NEGATIVE_INFINITY) {
      norm = abs.min(true, ax);
    } else if (order == 0) {
      norm = abs.neq(0).castTo(type).sum(true, ax);
    } else if (order == 1) {
      norm = abs.sum(true, ax);
    } else if (order == 2) {
      norm = Transforms.sqrt(abs.mul(abs).sum(true, ax), false);
    } else if (Double.isNaN(order)) {
      throw new IllegalArgumentException("normalize: order must be a number, got NaN");
    } else {
      norm = Transforms.pow(Transforms.pow(abs, order, false).sum(true, ax), 1.0 / order, false);
    }
    // NumPy's norm[norm == 0] = 1: an all-zero slice stays zero instead of becoming NaN.
    norm.addi(norm.eq(0).castTo(type));
    return v.div(Broadcast.to(norm, v.shape()));
  }

  /**
   * Keras's {@code plot_model(model, to_file)}: draws the layer graph of {@code model} into a PNG
   * (see {@link ModelPlot} for the options).
   *
   * @param model the model to draw
   * @param png the PNG file to write
   */
  public static void plotModel(Model model, Path png) {
    ModelPlot.plotModel(model, png);
  }

  /**
   * Keras's {@code plot_model} with options ({@code show_shapes}, {@code expand_nested}, ...).
   *
   * @param model the model to draw
   * @param png the PNG file to write
   * @param options what to show and how
   */
  public static void plotModel(Model model, Path png, ModelPlot.Options options) {
    ModelPlot.plotModel(model, png, options);
  }
}
