package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * HashedCrossing against the bins of Keras's docstring (computed by TensorFlow); the real-Keras
 * file extra/textprep/hashed_crossing covers (batch, 1) inputs and more bins.
 */
class HashedCrossingTest {
  private static List<Tensor> docInputs() {
    return List.of(Tensor.of(StringTensors.of("A", "B", "A", "B", "A")),
        Tensor.of(Nd4j.createFromArray(101L, 101L, 101L, 102L, 102L)));
  }

  @Test
  void crossesAsTensorFlowDoes() {
    Tensor bins = new HashedCrossing(5, "int").apply(docInputs());
    assertEquals(DType.INT64, bins.dtype());
    assertArrayEquals(new long[] {1, 4, 1, 1, 3}, bins.value().toLongVector());
    INDArray oneHot = new HashedCrossing(5, "one_hot").apply(docInputs()).value();
    assertArrayEquals(new long[] {5, 5}, oneHot.shape());
    assertEquals(DType.FLOAT32, DType.of(oneHot.dataType()));
    long[] hot = {1, 4, 1, 1, 3};
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(j == hot[i] ? 1.0 : 0.0, oneHot.getDouble(i, j), i + "," + j);
      }
    }
  }

  @Test
  void int32AndInt64FeaturesCrossAlike() {
    List<Tensor> ints = List.of(Tensor.of(StringTensors.of("A", "B")), Tensor.of(Nd4j.createFromArray(101, 102)));
    List<Tensor> longs = List.of(Tensor.of(StringTensors.of("A", "B")), Tensor.of(Nd4j.createFromArray(101L, 102L)));
    assertArrayEquals(new HashedCrossing(5, "int").apply(longs).value().toLongVector(),
        new HashedCrossing(5, "int").apply(ints).value().toLongVector());
  }

  @Test
  void refusesWhatKerasRefuses() {
    HashedCrossing hc = new HashedCrossing(4, "int");
    Tensor s = Tensor.of(StringTensors.of("a", "b"));
    assertThrows(IncompatibleInputException.class, () -> hc.apply(List.of(s)));
    assertThrows(IncompatibleInputException.class,
        () -> hc.apply(List.of(s, Tensor.of(Nd4j.createFromArray(1.5f, 2f)))));
    assertThrows(IncompatibleInputException.class,
        () -> hc.apply(List.of(s, Tensor.of(Nd4j.createFromArray(1L, 2L, 3L)))));
    Tensor wide = Tensor.of(Nd4j.createFromArray(new long[][] {{1, 2}, {3, 4}}));
    assertThrows(IncompatibleInputException.class, () -> hc.apply(List.of(wide, wide)));
    assertThrows(ConfigException.class, () -> new HashedCrossing(4, "multi_hot"));
    assertThrows(ConfigException.class, () -> new HashedCrossing(0, "int"));
  }

  @Test
  void configHasKerasKeysOnly() {
    Config c = new HashedCrossing(7, "one_hot").getConfig();
    assertEquals(List.of("num_bins", "output_mode", "sparse", "name", "dtype"), List.copyOf(c.json().keySet()));
    assertEquals("float32", c.getString("dtype"));
    assertEquals(c.json(), HashedCrossing.fromConfig(c).getConfig().json());
    assertEquals("int64", new HashedCrossing(7, "int").getConfig().getString("dtype"));
    Config sparse = Config.parse("{\"num_bins\": 3, \"sparse\": true}");
    assertThrows(ConfigException.class, () -> HashedCrossing.fromConfig(sparse));
  }
}
