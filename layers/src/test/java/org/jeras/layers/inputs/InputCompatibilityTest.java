package org.jeras.layers.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.convolutional.Conv2D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.merging.Add;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Jeras issue #9: a batch that does not fit the model's Inputs (or a layer's input spec) is refused
 * with Keras's message before any kernel runs; inputs Keras accepts still predict the same numbers.
 * Expected messages are those real Keras 3.16 prints for the same models.
 */
public class InputCompatibilityTest {
  private static INDArray ones(long... shape) {
    return Nd4j.ones(DataType.FLOAT, shape);
  }

  private static IncompatibleInputException refused(Executable call) {
    return assertThrows(IncompatibleInputException.class, call);
  }

  private static String shapeMessage(String found) {
    return "Input 0 with name 'input_layer' of layer 'functional' is incompatible with the layer: expected"
        + " shape=(None, 8), found shape=" + found;
  }

  private static Functional namedInputDenseModel() {
    Tensor in = Input.of(org.jeras.core.tensor.Shape.of(8), org.jeras.core.tensor.DType.FLOAT32, "input_layer");
    Functional m = new Functional(in, new Dense(3).setName("dense").apply(in), "functional");
    m.compile(new SGD(0.01), "mse");
    return m;
  }

  @Test
  void denseModelRefusesEveryWrongLastAxisThroughEveryEntryPoint() {
    Functional m = namedInputDenseModel();
    for (long width : new long[] {5, 12, 64, 2_000_000}) {
      INDArray x = ones(4, width);
      String want = shapeMessage("(4, " + width + ")");
      assertEquals(want, refused(() -> m.predict(x, 32)).getMessage());
      assertEquals(want, refused(() -> m.predictOnBatch(x)).getMessage());
      assertEquals(want, refused(() -> m.predictOnBatch(List.of(x))).getMessage());
      assertEquals(want, refused(() -> m.call(Tensor.of(x), false)).getMessage());
      assertEquals(want, refused(() -> m.evaluate(x, ones(4, 3), 32)).getMessage());
      assertEquals(want, refused(() -> m.fit(x, ones(4, 3), FitOptions.defaults().verbose(0))).getMessage());
      assertEquals(want, refused(() -> m.trainOnBatch(x, ones(4, 3))).getMessage());
    }
  }

  @Test
  void denseModelRefusesExtraAxesUnlessTheyAreATrailingOne() {
    Functional m = namedInputDenseModel();
    assertEquals(shapeMessage("(2, 4, 8)"), refused(() -> m.predict(ones(2, 4, 8), 32)).getMessage());
    assertEquals("Invalid input shape for input (4,) with name 'input_layer' of layer 'functional'. Expected shape"
        + " (None, 8), but input has incompatible shape (4,)", refused(() -> m.predict(ones(4), 32)).getMessage());
    // Keras squeezes a trailing axis of size 1: (4, 8, 1) predicts what (4, 8) does.
    INDArray x = Nd4j.rand(DataType.FLOAT, 4, 8);
    assertEquals(m.predict(x, 32), m.predict(x.reshape(4, 8, 1), 32));
  }

  @Test
  void trailingOneInputAcceptsTheSqueezedRank() {
    Tensor in = Input.of(3, 1);
    Functional m = new Functional(in, new Dense(2).apply(in), null);
    INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3);
    assertArrayEquals(new long[] {5, 3, 2}, m.predict(x, 32).shape());
    assertEquals(m.predict(x.reshape(5, 3, 1), 32), m.predict(x, 32));
  }

  @Test
  void convModelRefusesAWrongImageSize() {
    Tensor in = Input.of(org.jeras.core.tensor.Shape.of(12, 12, 3), org.jeras.core.tensor.DType.FLOAT32, "image");
    Functional m = new Functional(in, new Conv2D(2, 3, 3).apply(in), "conv_model");
    assertEquals("Input 0 with name 'image' of layer 'conv_model' is incompatible with the layer: expected"
        + " shape=(None, 12, 12, 3), found shape=(2, 9, 9, 3)", refused(() -> m.predict(ones(2, 9, 9, 3), 32)).getMessage());
    assertEquals("Input 0 with name 'image' of layer 'conv_model' is incompatible with the layer: expected"
        + " shape=(None, 12, 12, 3), found shape=(2, 12, 12, 4)", refused(() -> m.predict(ones(2, 12, 12, 4), 32))
        .getMessage());
    assertArrayEquals(new long[] {2, 10, 10, 2}, m.predict(ones(2, 12, 12, 3), 32).shape());
  }

  @Test
  void aLayerChecksItsSpecOnEveryCall() {
    Dense d = new Dense(3);
    d.setName("dense_2");
    d.apply(Tensor.of(ones(2, 8)));
    assertEquals("Input 0 with name 'None' of layer 'dense_2' is incompatible with the layer: expected axis -1 of"
        + " input shape to have value 8, but received input with shape (2, 5)",
        refused(() -> d.apply(Tensor.of(ones(2, 5)))).getMessage());
    Dense fresh = new Dense(3);
    fresh.setName("fresh");
    assertEquals("Input 0 with name 'None' of layer 'fresh' is incompatible with the layer: expected min_ndim=2,"
        + " found ndim=1. Full shape received: (5,)", refused(() -> fresh.apply(Tensor.of(ones(5)))).getMessage());
  }

  /** A subclassed model: no Inputs, so its layers' own specs are the check. */
  static final class Wrapper extends Model {
    private final Dense dense;

    Wrapper(String name, Dense dense) {
      setName(name);
      this.dense = track("dense", dense);
    }

    @Override
    protected Tensor call(Tensor x, org.jeras.core.layer.CallContext ctx) {
      return dense.apply(x);
    }
  }

  @Test
  void nestedLayerErrorsNameTheLayerPath() {
    Wrapper m = new Wrapper("outer", (Dense) new Dense(3).setName("d"));
    m.predict(ones(2, 8), 32);
    assertEquals("Input 0 with name 'None' of layer 'outer/d' is incompatible with the layer: expected axis -1 of"
        + " input shape to have value 8, but received input with shape (2, 5)",
        refused(() -> m.predict(ones(2, 5), 32)).getMessage());
    // The op under the layer refuses too, should a layer declare no spec: the batch never reaches BLAS.
    org.jeras.core.ops.OpShapeException e = assertThrows(org.jeras.core.ops.OpShapeException.class,
        () -> org.jeras.core.ops.LinalgOps.matmul(Tensor.of(ones(4, 2_000_000)), Tensor.of(ones(8, 3))));
    assertEquals("matmul: incompatible shapes (4, 2000000) and (8, 3) (axis 1 has 2000000, axis 0 has 8)", e.getMessage());
  }

  @Test
  void sequentialRefusesAWrongWidth() {
    Sequential m = new Sequential("sequential", new Dense(3).setName("dense_1"));
    m.add(new Dense(2));
    Sequential withInput = new Sequential("sequential_in");
    withInput.add(Input.of(org.jeras.core.tensor.Shape.of(8), org.jeras.core.tensor.DType.FLOAT32, "x"));
    withInput.add(new Dense(3));
    assertEquals("Input 0 with name 'x' of layer 'sequential_in' is incompatible with the layer: expected"
        + " shape=(None, 8), found shape=(4, 5)", refused(() -> withInput.predict(ones(4, 5), 32)).getMessage());
    assertEquals("Input 0 with name 'x' of layer 'sequential_in' is incompatible with the layer: expected"
        + " shape=(None, 8), found shape=(2, 4, 8)", refused(() -> withInput.predict(ones(2, 4, 8), 32)).getMessage());
    // Built by its first call, a Sequential then holds that shape as its Input's.
    m.predict(ones(2, 8), 32);
    refused(() -> m.predict(ones(2, 5), 32));
  }

  @Test
  void modelRefusesAWrongNumberOfInputs() {
    Tensor a = Input.of(4);
    Tensor b = Input.of(4);
    Functional m = new Functional(List.of(a, b), List.of(new Add().apply(List.of(a, b))), "two");
    IncompatibleInputException e = refused(() -> m.predictOnBatch(List.of(ones(2, 4))));
    assertEquals("Layer 'two' expects 2 input(s), but it received 1 input tensors. Inputs received: [(2, 4)]",
        e.getMessage());
  }
}
