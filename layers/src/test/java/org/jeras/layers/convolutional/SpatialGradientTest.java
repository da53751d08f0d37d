package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.pooling.AveragePooling1D;
import org.jeras.layers.pooling.AveragePooling2D;
import org.jeras.layers.pooling.AveragePooling3D;
import org.jeras.layers.pooling.GlobalAveragePooling1D;
import org.jeras.layers.pooling.GlobalAveragePooling2D;
import org.jeras.layers.pooling.GlobalAveragePooling3D;
import org.jeras.layers.pooling.GlobalMaxPooling1D;
import org.jeras.layers.pooling.GlobalMaxPooling2D;
import org.jeras.layers.pooling.GlobalMaxPooling3D;
import org.jeras.layers.pooling.MaxPooling1D;
import org.jeras.layers.pooling.MaxPooling2D;
import org.jeras.layers.pooling.MaxPooling3D;
import org.jeras.layers.reshaping.Cropping1D;
import org.jeras.layers.reshaping.Cropping2D;
import org.jeras.layers.reshaping.Cropping3D;
import org.jeras.layers.reshaping.UpSampling1D;
import org.jeras.layers.reshaping.UpSampling2D;
import org.jeras.layers.reshaping.UpSampling3D;
import org.jeras.layers.reshaping.ZeroPadding1D;
import org.jeras.layers.reshaping.ZeroPadding2D;
import org.jeras.layers.reshaping.ZeroPadding3D;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference gradients (float64) of every spatial layer, for its input and its weights. */
class SpatialGradientTest {
  private static final DTypePolicy F64 = new DTypePolicy("float64");

  private static INDArray rand(long... shape) {
    Nd4j.getRandom().setSeed(shape.length * 13L + shape[shape.length - 1]);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  /** Checks input and weight gradients of {@code layer} on an input of {@code shape}. */
  private static void check(Layer layer, long... shape) {
    layer.setDtypePolicy(F64);
    INDArray x = rand(shape);
    layer.apply(Tensor.of(x));
    GradCheck.check(t -> layer.apply(t.get(0)), x);
    if (!layer.trainableWeights().isEmpty()) {
      GradCheck.checkVariables(() -> layer.apply(Tensor.of(x)), layer.trainableWeights());
    }
  }

  @Test
  void convolutions() {
    check(new Conv1D(3, 3).padding("causal").dilationRate(2).activation("tanh"), 2, 7, 2);
    check(new Conv1D(4, 2).strides(2).padding("same").groups(2), 2, 7, 4);
    check(new Conv2D(3, 2, 3).strides(2, 1).padding("same"), 2, 5, 4, 2);
    check(new Conv2D(2, 3).dataFormat("channels_first").dilationRate(1, 2), 1, 3, 5, 6);
    check(new Conv3D(2, 2).padding("same").strides(1, 2, 1), 1, 3, 4, 3, 2);
  }

  @Test
  void transposedConvolutions() {
    check(new Conv1DTranspose(2, 3).strides(2).padding("same"), 2, 4, 3);
    check(new Conv1DTranspose(2, 3).strides(2).outputPadding(1), 1, 3, 2);
    check(new Conv2DTranspose(2, 4, 3).strides(2, 1).padding("same").dataFormat("channels_first"), 1, 3, 3, 2);
    check(new Conv2DTranspose(2, 2).dilationRate(2), 1, 3, 3, 2);
    check(new Conv3DTranspose(2, 2).strides(2, 1, 1), 1, 2, 2, 3, 2);
  }

  @Test
  void depthwiseAndSeparable() {
    check(new DepthwiseConv1D(3).depthMultiplier(2).padding("same"), 2, 5, 3);
    check(new DepthwiseConv2D(2, 3).depthMultiplier(2).strides(2, 1), 1, 5, 4, 2);
    check(new SeparableConv1D(3, 2).depthMultiplier(2).dilationRate(2), 2, 6, 2);
    check(new SeparableConv2D(3, 3).padding("same").strides(2).dataFormat("channels_first"), 1, 2, 5, 4);
  }

  @Test
  void pooling() {
    check(new MaxPooling1D(3).strides(2).padding("same"), 2, 7, 2);
    check(new AveragePooling1D(3).strides(2).padding("same"), 2, 7, 2);
    check(new MaxPooling2D(2, 3).padding("same").dataFormat("channels_first"), 1, 2, 5, 4);
    check(new AveragePooling3D(2).padding("same").strides(1), 1, 3, 3, 2, 2);
    check(new GlobalAveragePooling2D().keepdims(true), 2, 3, 4, 2);
    check(new GlobalMaxPooling3D().dataFormat("channels_first"), 2, 2, 3, 2, 2);
    check(new AveragePooling2D(2, 2).strides(1, 2), 1, 4, 5, 2);
    check(new MaxPooling3D(2).padding("same"), 1, 3, 3, 2, 2);
    check(new GlobalMaxPooling1D(), 2, 5, 3);
    check(new GlobalMaxPooling2D().keepdims(true).dataFormat("channels_first"), 2, 3, 4, 2);
    check(new GlobalAveragePooling3D(), 1, 2, 3, 2, 2);
  }

  @Test
  void croppingPaddingUpsampling() {
    check(new Cropping1D(1, 2), 2, 6, 2);
    check(new Cropping2D(new int[][] {{1, 0}, {0, 2}}, "channels_last"), 2, 4, 5, 2);
    check(new Cropping3D(new int[][] {{1, 0}, {0, 1}, {1, 1}}, "channels_first"), 1, 2, 3, 3, 4);
    check(new ZeroPadding1D(new int[][] {{2, 1}}, "channels_last"), 2, 3, 2);
    check(new ZeroPadding2D(new int[][] {{1, 0}, {0, 2}}, "channels_first"), 1, 2, 3, 2);
    check(new ZeroPadding3D(new int[][] {{1, 0}, {0, 1}, {2, 1}}, "channels_last"), 1, 2, 2, 3, 2);
    check(new UpSampling1D(3), 2, 3, 2);
    check(new UpSampling2D(new int[] {2, 3}, "channels_last", "bilinear"), 1, 3, 2, 2);
    check(new UpSampling2D(new int[] {2, 1}, "channels_first", "nearest"), 1, 2, 3, 2);
    check(new UpSampling3D(new int[] {1, 2, 2}, "channels_last"), 1, 2, 2, 2, 1);
  }

  @Test
  void globalAveragePooling1DAveragesUnmaskedSteps() {
    GlobalAveragePooling1D gap = new GlobalAveragePooling1D();
    gap.setDtypePolicy(F64);
    // Steps 1, 2, 3 of one channel with the last one masked out: mean of 1 and 2.
    Tensor x = Tensor.of(Nd4j.createFromArray(1.0, 2.0, 3.0).reshape(1, 3, 1));
    Tensor mask = Tensor.of(Nd4j.createFromArray(true, true, false).reshape(1, 3));
    Tensor y = gap.apply(x.withMask(mask));
    assertArrayEquals(new long[] {1, 1}, y.value().shape());
    assertEquals(1.5, y.value().getDouble(0), 1e-12);
    assertEquals(null, y.mask(), "the mask is consumed");
    assertEquals(2.0, gap.apply(x).value().getDouble(0), 1e-12);
    Tensor m = Tensor.of(Nd4j.createFromArray(true, false, true, true, true, false, false, true).reshape(2, 4));
    GradCheck.check(t -> gap.apply(t.get(0).withMask(m)), rand(2, 4, 3));
  }

  @Test
  void bilinearUpsamplingInterpolatesHalfPixelCenters() {
    // [0, 4] doubled: sample points -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
    UpSampling2D up = new UpSampling2D(new int[] {1, 2}, "channels_last", "bilinear");
    up.setDtypePolicy(F64);
    Tensor y = up.apply(Tensor.of(Nd4j.createFromArray(0.0, 4.0).reshape(1, 1, 2, 1)));
    assertArrayEquals(new double[] {0, 1, 3, 4}, y.value().dup('c').data().asDouble(), 1e-12);
  }
}
