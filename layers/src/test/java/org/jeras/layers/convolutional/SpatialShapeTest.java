package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.pooling.AveragePooling1D;
import org.jeras.layers.pooling.MaxPooling2D;
import org.jeras.layers.reshaping.Cropping2D;
import org.junit.jupiter.api.Test;

/** Symbolic output shapes follow Keras's formulas, also for unknown spatial sizes. */
class SpatialShapeTest {
  private static Shape out(Layer layer, long... inputShape) {
    return layer.apply(Input.of(inputShape)).shape();
  }

  @Test
  void knownSizes() {
    assertEquals(Shape.of(-1, 3, 3, 2), out(new Conv2D(2, 3).strides(2).padding("same"), 5, 6, 3));
    assertEquals(Shape.of(-1, 2, 2, 2), out(new Conv2D(2, 3).strides(2), 5, 6, 3));
    assertEquals(Shape.of(-1, 2, 4, 8), out(new Conv2D(2, 3).dataFormat("channels_first").dilationRate(2), 3, 8, 12));
    assertEquals(Shape.of(-1, 9, 4), out(new Conv1D(4, 3).padding("causal"), 9, 2));
    assertEquals(Shape.of(-1, 14, 4), out(new Conv1DTranspose(4, 3).strides(2).padding("same"), 7, 3));
    assertEquals(Shape.of(-1, 30, 3), out(new Conv1DTranspose(3, 4).strides(2), 14, 4));
    assertEquals(Shape.of(-1, 62, 2), out(new Conv1DTranspose(2, 3).strides(2).outputPadding(1), 30, 3));
    assertEquals(Shape.of(-1, 7, 7, 6), out(new DepthwiseConv2D(3).depthMultiplier(2).padding("same"), 7, 7, 3));
    assertEquals(Shape.of(-1, 4, 3), out(new SeparableConv1D(3, 3).strides(2), 10, 6));
    assertEquals(Shape.of(-1, 5, 3), out(new AveragePooling1D(3).strides(2).padding("same"), 9, 3));
    assertEquals(Shape.of(-1, 3, 5, 3), out(new Cropping2D(new int[][] {{1, 1}, {0, 2}}, "channels_last"), 5, 7, 3));
  }

  @Test
  void unknownSizesStayUnknown() {
    Tensor x = Input.of(-1, -1, 3);
    Tensor y = new Conv2D(4, 3).apply(x);
    y = new MaxPooling2D(2).apply(y);
    y = new Cropping2D(new int[][] {{1, 1}, {1, 1}}, "channels_last").apply(y);
    y = new Conv2DTranspose(2, 3).strides(2).apply(y);
    assertEquals(Shape.of(-1, -1, -1, 2), y.shape());
  }
}
