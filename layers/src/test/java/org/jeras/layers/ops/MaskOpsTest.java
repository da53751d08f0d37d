package org.jeras.layers.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The numpy ops Keras records for masks combined by merging layers: values, gradients and configs. */
class MaskOpsTest {
  private static INDArray bools(boolean[] v, long... shape) {
    return Nd4j.create(v, shape, DataType.BOOL);
  }

  private static Tensor call(Layer op, Object... args) {
    return op.apply(CallArgs.of(Arrays.asList(args), Map.of())).get(0);
  }

  private static INDArray run(Layer op, Object... args) {
    return call(op, args).value();
  }

  @Test
  void floatOpsAreDifferentiable() {
    GradCheck.check(t -> call(new ExpandDims(1), t.get(0)), TestData.uniform(3, -1, 1, 2, 3));
    GradCheck.check(t -> call(new NumpyConcatenate(-1), List.of(t.get(0), t.get(1))),
        TestData.uniform(4, -1, 1, 2, 3), TestData.uniform(5, -1, 1, 2, 1));
  }

  @Test
  void opsComputeWhatKerasDoes() {
    Tensor mask = Tensor.of(bools(new boolean[] {true, false}, 1, 2));
    Tensor x = Tensor.of(Nd4j.zeros(DataType.FLOAT, 1, 2, 3));
    INDArray e = run(new ExpandDims(-1), mask);
    assertArrayEquals(new long[] {1, 2, 1}, e.shape());
    INDArray z = run(new ZerosLike(DType.BOOL), x);
    assertEquals(DataType.BOOL, z.dataType());
    assertArrayEquals(new long[] {1, 2, 3}, z.shape());
    INDArray or = run(new LogicalOr(), Tensor.of(e), Tensor.of(z));
    assertEquals(DataType.BOOL, or.dataType());
    assertArrayEquals(new long[] {1, 2, 3}, or.shape());
    assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, or.castTo(DataType.DOUBLE).reshape(6).toDoubleVector());
    INDArray ones = run(new OnesLike(DType.BOOL), x);
    INDArray cat = run(new NumpyConcatenate(1), List.of(Tensor.of(or), Tensor.of(ones)));
    assertArrayEquals(new long[] {1, 4, 3}, cat.shape());
    assertEquals(DataType.BOOL, cat.dataType());
    assertEquals(9.0, cat.castTo(DataType.DOUBLE).sumNumber().doubleValue());
  }

  @Test
  void configsAreKerasOps() {
    NumpyConcatenate c = new NumpyConcatenate(-1);
    String json = Serialization.serialize(c).toString();
    assertEquals(true, json.contains("\"module\":\"keras.src.ops.numpy\""), json);
    assertEquals(true, json.contains("\"class_name\":\"Concatenate\""), json);
    assertEquals(true, json.contains("\"registered_name\":\"Concatenate\""), json);
    Layer back = Serialization.deserialize(Serialization.serialize(c), Layer.class);
    assertEquals(NumpyConcatenate.class, back.getClass());
    Layer z = Serialization.deserialize(Serialization.serialize(new ZerosLike(DType.BOOL)), Layer.class);
    assertEquals("bool", z.getConfig().getString("dtype"));
  }
}
