package org.jeras.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Each rule of Keras's {@code assert_input_compatibility}, in its order, with its messages. */
public class InputSpecTest {
  private static Tensor t(long... shape) {
    return Tensor.of(Nd4j.zeros(DataType.FLOAT, shape));
  }

  private static String refused(InputSpec spec, Tensor x) {
    return assertThrows(IncompatibleInputException.class,
        () -> InputSpec.assertCompatible(List.of(spec), List.of(x), "model/layer")).getMessage();
  }

  private static void accepted(InputSpec spec, Tensor x) {
    InputSpec.assertCompatible(List.of(spec), List.of(x), "model/layer");
  }

  private static final String PREFIX = "Input 0 with name 'None' of layer 'model/layer' is incompatible with the layer: ";

  @Test
  void rankRules() {
    assertEquals(PREFIX + "expected ndim=3, found ndim=2. Full shape received: (2, 4)", refused(InputSpec.ndim(3), t(2, 4)));
    assertEquals(PREFIX + "expected max_ndim=2, found ndim=3", refused(InputSpec.builder().maxNdim(2).build(), t(2, 4, 1)));
    assertEquals(PREFIX + "expected min_ndim=2, found ndim=1. Full shape received: (4,)", refused(InputSpec.minNdim(2), t(4)));
    accepted(InputSpec.minNdim(2), t(2, 3, 4));
  }

  @Test
  void dtypeAndAxes() {
    assertEquals(PREFIX + "expected dtype=int32, found dtype=float32",
        refused(InputSpec.builder().dtype(DType.INT32).build(), t(2, 4)));
    InputSpec lastIs8 = InputSpec.builder().minNdim(2).axis(-1, 8).build();
    assertEquals(PREFIX + "expected axis -1 of input shape to have value 8, but received input with shape (2, 5)",
        refused(lastIs8, t(2, 5)));
    accepted(lastIs8, t(2, 3, 8));
    InputSpec channel1 = InputSpec.builder().ndim(4).axis(1, 3).build();
    assertEquals(PREFIX + "expected axis 1 of input shape to have value 3, but received input with shape (2, 4, 9, 9)",
        refused(channel1, t(2, 4, 9, 9)));
    // A symbolic unknown size matches any spec.
    InputSpec.assertCompatible(List.of(lastIs8), List.of(Tensor.symbolic(Shape.of(-1, -1), DType.FLOAT32, null)), "l");
  }

  @Test
  void axisBeyondTheRankIsAConfigError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InputSpec.builder().ndim(2).axis(2, 4).build());
    assertEquals("Axis 2 is greater than the maximum allowed value: 1", e.getMessage());
  }

  @Test
  void shapeWithAndWithoutLastAxisSqueeze() {
    InputSpec exact = InputSpec.builder().shape(Shape.of(-1, 8)).name("x").build();
    assertEquals("Input 0 with name 'x' of layer 'model/layer' is incompatible with the layer: expected shape=(None, 8),"
        + " found shape=(4, 5)", refused(exact, t(4, 5)));
    assertEquals("Input 0 with name 'x' of layer 'model/layer' is incompatible with the layer: expected ndim=2, found"
        + " ndim=3. Full shape received: (4, 8, 1)", refused(exact, t(4, 8, 1)));
    InputSpec squeezable = InputSpec.builder().shape(Shape.of(-1, 8)).allowLastAxisSqueeze(true).name("x").build();
    accepted(squeezable, t(4, 8, 1));
    assertEquals("Input 0 with name 'x' of layer 'model/layer' is incompatible with the layer: expected shape=(None, 8),"
        + " found shape=(2, 4, 8)", refused(squeezable, t(2, 4, 8)));
    InputSpec trailingOne = InputSpec.builder().shape(Shape.of(-1, 3, 1)).allowLastAxisSqueeze(true).build();
    accepted(trailingOne, t(5, 3));
  }

  @Test
  void countAndOptionalInputs() {
    IncompatibleInputException e = assertThrows(IncompatibleInputException.class, () -> InputSpec.assertCompatible(
        List.of(InputSpec.ndim(2), InputSpec.ndim(2)), List.of(t(2, 3)), "merge"));
    assertEquals("Layer 'merge' expects 2 input(s), but it received 1 input tensors. Inputs received: [(2, 3)]",
        e.getMessage());
    java.util.ArrayList<Tensor> withNone = new java.util.ArrayList<>();
    withNone.add(null);
    InputSpec.assertCompatible(List.of(InputSpec.builder().ndim(2).optional(true).build()), withNone, "opt");
    assertEquals("The input 'a' of layer 'req' is not optional, but None was passed. Please provide a valid tensor.",
        assertThrows(IncompatibleInputException.class, () -> InputSpec.assertCompatible(
            List.of(InputSpec.builder().ndim(2).name("a").build()), withNone, "req")).getMessage());
  }
}
