package org.jeras.layers.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.initializers.Initializers;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.activations.PReLU;
import org.jeras.layers.convolutional.Conv1DTranspose;
import org.jeras.layers.convolutional.Conv2D;
import org.jeras.layers.convolutional.DepthwiseConv2D;
import org.jeras.layers.convolutional.SeparableConv2D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.EinsumDense;
import org.jeras.layers.normalization.BatchNormalization;
import org.jeras.layers.normalization.GroupNormalization;
import org.jeras.layers.pooling.GlobalAveragePooling1D;
import org.jeras.layers.pooling.MaxPooling2D;
import org.jeras.layers.regularization.SpatialDropout2D;
import org.jeras.layers.reshaping.Cropping1D;
import org.jeras.layers.reshaping.Flatten;
import org.jeras.layers.reshaping.Permute;
import org.jeras.layers.reshaping.RepeatVector;
import org.jeras.layers.reshaping.UpSampling3D;
import org.jeras.layers.reshaping.ZeroPadding2D;
import org.jeras.layers.rnn.Bidirectional;
import org.jeras.layers.rnn.GRU;
import org.jeras.layers.rnn.LSTM;
import org.jeras.layers.rnn.SimpleRNN;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input specs the layers declare, as Keras's: each layer is built on a right batch, then called on
 * a wrong one, and refuses it with the message Keras 3.16 prints for the same layer and shapes
 * (recorded by running each case in real Keras).
 */
public class LayerInputSpecsTest {
  private static Arguments c(String name, Layer layer, long[] good, long[] bad, String detail) {
    layer.setName(name);
    return Arguments.of(name, layer, good, bad,
        "Input 0 with name 'None' of layer '" + name + "' is incompatible with the layer: " + detail);
  }

  private static long[] s(long... dims) {
    return dims;
  }

  static List<Arguments> cases() {
    String axisLast = "expected axis -1 of input shape to have value ";
    return List.of(
        c("conv", new Conv2D(2, 3, 3), s(2, 9, 9, 3), s(2, 9, 9, 4), axisLast + "3, but received input with shape (2, 9, 9, 4)"),
        c("conv_cf", new Conv2D(2, 3, 3).dataFormat("channels_first"), s(2, 3, 9, 9), s(2, 4, 9, 9),
            "expected axis 1 of input shape to have value 3, but received input with shape (2, 4, 9, 9)"),
        c("conv_t", new Conv1DTranspose(2, 3), s(2, 9, 3), s(2, 9, 5), axisLast + "3, but received input with shape (2, 9, 5)"),
        c("dw", new DepthwiseConv2D(3, 3), s(2, 9, 9, 3), s(2, 9, 9, 2), axisLast + "3, but received input with shape (2, 9, 9, 2)"),
        c("sep", new SeparableConv2D(4, 3, 3), s(2, 9, 9, 3), s(2, 9, 9),
            "expected min_ndim=4, found ndim=3. Full shape received: (2, 9, 9)"),
        c("pool", new MaxPooling2D(), s(2, 8, 8, 3), s(2, 8, 8), "expected ndim=4, found ndim=3. Full shape received: (2, 8, 8)"),
        c("gap", new GlobalAveragePooling1D(), s(2, 8, 3), s(2, 8, 3, 1),
            "expected ndim=3, found ndim=4. Full shape received: (2, 8, 3, 1)"),
        c("lstm", new LSTM(4), s(2, 5, 3), s(2, 5), "expected ndim=3, found ndim=2. Full shape received: (2, 5)"),
        c("gru", new GRU(4), s(2, 5, 3), s(2, 5, 3, 1), "expected ndim=3, found ndim=4. Full shape received: (2, 5, 3, 1)"),
        c("rnn", new SimpleRNN(4), s(2, 5, 3), s(2, 5), "expected ndim=3, found ndim=2. Full shape received: (2, 5)"),
        c("bidi", new Bidirectional(new LSTM(4)), s(2, 5, 3), s(2, 5), "expected ndim=3, found ndim=2. Full shape received: (2, 5)"),
        c("bn", new BatchNormalization(), s(2, 6), s(2, 7), axisLast + "6, but received input with shape (2, 7)"),
        c("gn", new GroupNormalization(2), s(2, 5, 4), s(2, 5, 6), axisLast + "4, but received input with shape (2, 5, 6)"),
        c("prelu", new PReLU(Initializers.get("zeros"), null, null, new int[] {1}), s(2, 5, 4), s(2, 5, 6),
            "expected axis 2 of input shape to have value 4, but received input with shape (2, 5, 6)"),
        c("flat", new Flatten(), s(2, 3, 4), s(), "expected min_ndim=1, found ndim=0. Full shape received: ()"),
        c("rep", new RepeatVector(3), s(2, 4), s(2, 4, 1), "expected ndim=2, found ndim=3. Full shape received: (2, 4, 1)"),
        c("perm", new Permute(2, 1), s(2, 3, 4), s(2, 3, 4, 5), "expected ndim=3, found ndim=4. Full shape received: (2, 3, 4, 5)"),
        c("zp", new ZeroPadding2D(new int[][] {{1, 1}, {1, 1}}, "channels_last"), s(2, 4, 4, 3), s(2, 4, 4),
            "expected ndim=4, found ndim=3. Full shape received: (2, 4, 4)"),
        c("crop", new Cropping1D(1, 1), s(2, 6, 3), s(2, 6), "expected ndim=3, found ndim=2. Full shape received: (2, 6)"),
        c("up", new UpSampling3D(new int[] {2, 2, 2}, "channels_last"), s(2, 2, 2, 2, 3), s(2, 2, 2, 3),
            "expected ndim=5, found ndim=4. Full shape received: (2, 2, 2, 3)"),
        c("sd", new SpatialDropout2D(0.5, "channels_last", null), s(2, 4, 4, 3), s(2, 4, 3),
            "expected ndim=4, found ndim=3. Full shape received: (2, 4, 3)"),
        c("ed", new EinsumDense("abc,cd->abd", Shape.of(Shape.UNKNOWN, 5), "d"), s(2, 3, 4), s(2, 4),
            "expected ndim=3, found ndim=2. Full shape received: (2, 4)"),
        c("dense", new Dense(3), s(2, 8), s(2, 5), axisLast + "8, but received input with shape (2, 5)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesAWrongBatchAfterBuildingOnARightOne(String name, Layer layer, long[] good, long[] bad, String message) {
    layer.apply(Tensor.of(Nd4j.zeros(DataType.FLOAT, good)));
    IncompatibleInputException e = assertThrows(IncompatibleInputException.class,
        () -> layer.apply(Tensor.of(Nd4j.zeros(DataType.FLOAT, bad))));
    assertEquals(message, e.getMessage());
  }
}
