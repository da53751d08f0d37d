package org.jeras.layers.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The ops Keras records for masks (Masking's, and those merging layers combine): values and dtypes. */
class MaskOpsTest {
  private static INDArray bools(boolean[] v, long... shape) {
    return Nd4j.create(v, shape, DataType.BOOL);
  }

  private static INDArray run(String op, String config, Object... args) {
    return KerasOpsTest.op("keras.src.ops.numpy." + op, config).apply(CallArgs.of(Arrays.asList(args), Map.of()))
        .get(0).value();
  }

  @Test
  void mergedMasksComputeWhatKerasDoes() {
    Tensor mask = Tensor.of(bools(new boolean[] {true, false}, 1, 2));
    Tensor x = Tensor.of(Nd4j.zeros(DataType.FLOAT, 1, 2, 3));
    INDArray e = run("ExpandDims", "{\"axis\": -1}", mask);
    assertArrayEquals(new long[] {1, 2, 1}, e.shape());
    INDArray z = run("ZerosLike", "{\"dtype\": \"bool\"}", x);
    assertEquals(DataType.BOOL, z.dataType());
    assertArrayEquals(new long[] {1, 2, 3}, z.shape());
    INDArray or = run("LogicalOr", "{}", Tensor.of(e), Tensor.of(z));
    assertEquals(DataType.BOOL, or.dataType());
    assertArrayEquals(new long[] {1, 2, 3}, or.shape());
    assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, or.castTo(DataType.DOUBLE).reshape(6).toDoubleVector());
    INDArray ones = run("OnesLike", "{\"dtype\": \"bool\"}", x);
    INDArray cat = run("Concatenate", "{\"axis\": 1}", List.of(Tensor.of(or), Tensor.of(ones)));
    assertArrayEquals(new long[] {1, 4, 3}, cat.shape());
    assertEquals(DataType.BOOL, cat.dataType());
    assertEquals(9.0, cat.castTo(DataType.DOUBLE).sumNumber().doubleValue());
    assertEquals(DataType.FLOAT, run("ZerosLike", "{\"dtype\": null}", x).dataType(), "x's dtype when none is given");
  }

  @Test
  void maskingsMaskComputesWhatKerasDoes() {
    Tensor x = Tensor.of(Nd4j.createFromArray(new float[][][] {{{0, 0}, {1, 0}, {0, 0}}}));
    INDArray ne = run("NotEqual", "{}", x, 0.0);
    assertEquals(DataType.BOOL, ne.dataType());
    INDArray any = run("Any", "{\"axis\": -1, \"keepdims\": false}", Tensor.of(ne));
    assertArrayEquals(new long[] {1, 3}, any.shape());
    assertArrayEquals(new double[] {0, 1, 0}, any.castTo(DataType.DOUBLE).reshape(3).toDoubleVector());
    INDArray all = run("Any", "{\"axis\": null, \"keepdims\": true}", Tensor.of(ne));
    assertArrayEquals(new long[] {1, 1, 1}, all.shape());
  }

  @Test
  void opsSerializeAsKerasOps() {
    Layer c = KerasOpsTest.op("keras.src.ops.numpy.Concatenate", "{\"axis\": -1}");
    String json = Serialization.serialize(c).toString();
    assertTrue(json.contains("\"module\":\"keras.src.ops.numpy\""), json);
    assertTrue(json.contains("\"class_name\":\"Concatenate\""), json);
    assertTrue(json.contains("\"registered_name\":\"Concatenate\""), json);
    ConfigException e = assertThrows(ConfigException.class,
        () -> KerasOpsTest.op("keras.src.ops.core.ConvertToTensor", "{\"dtype\": null, \"sparse\": true}"));
    assertTrue(e.getMessage().contains("'sparse'"), e.getMessage());
  }
}
