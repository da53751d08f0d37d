package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EncodingLayersTest {

  @Test
  void digitizeAndEncode() {
    Discretization d = new Discretization(new double[] {0, 1, 2}, "int");
    INDArray x = Nd4j.create(new float[] {-5, 0, 0.5f, 1, 2, 9}, new long[] {2, 3});
    INDArray idx = d.apply(Tensor.of(x)).value();
    assertArrayEquals(new int[] {0, 1, 1, 2, 3, 3}, idx.reshape(6).toIntVector());
    assertEquals(DType.INT32, d.outputDtype());
    INDArray oneHot = new Discretization(new double[] {0, 1, 2}, "one_hot").apply(Tensor.of(x)).value();
    assertArrayEquals(new long[] {2, 3, 4}, oneHot.shape());
    INDArray count = new Discretization(new double[] {0, 1, 2}, "count").apply(Tensor.of(x)).value();
    assertArrayEquals(new float[] {1, 2, 0, 0, 0, 0, 1, 2}, count.reshape(8).toFloatVector());
    INDArray multi = new Discretization(new double[] {0, 1, 2}, "multi_hot").apply(Tensor.of(x)).value();
    assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0, 1, 1}, multi.reshape(8).toFloatVector());
  }

  @Test
  void adaptFindsQuantiles() {
    // 1..8 with 4 bins: the summary keeps every value (8 * 0.01 < 1); the quartiles of the
    // cumulative weights 1/8..8/8 fall exactly on 2, 4, 6 (and 8, dropped).
    Discretization d = new Discretization(4, 0.01, "int");
    d.adapt(Nd4j.create(new float[] {8, 3, 1, 5, 2, 7, 4, 6}));
    assertArrayEquals(new double[] {2, 4, 6}, d.binBoundaries(), 1e-6);
    // 1..10: quartiles interpolate between cumulative fractions 0.2 and 0.3, and so on.
    Discretization e = new Discretization(4, 0.01, "int");
    e.adapt(Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).reshape(5, 2));
    assertArrayEquals(new double[] {2.5, 5, 7.5}, e.binBoundaries(), 1e-6);
    // 400 values 0..399 with epsilon 0.01: every 4th value (3, 7, ...) weighs 4; then quartiles.
    double[][] s = Discretization.summarize(range(400), 0.01);
    assertEquals(100, s[0].length);
    assertEquals(3.0, s[0][0], 0);
    assertEquals(4.0, s[1][0], 0);
    Discretization big = new Discretization(4, 0.01, "int");
    big.adapt(Nd4j.create(range(400)));
    assertArrayEquals(new double[] {99, 199, 299}, big.binBoundaries(), 1e-4);
    assertThrows(IllegalStateException.class, () -> new Discretization(new double[] {1}, "int").adapt(Nd4j.ones(3)));
  }

  private static float[] range(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }

  @Test
  void categoryEncodingModes() {
    INDArray ids = Nd4j.create(new int[][] {{0, 2, 2}, {5, 1, 9}});
    INDArray multi = new CategoryEncoding(6, "multi_hot").apply(Tensor.of(ids)).value();
    assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1}, multi.reshape(12).toFloatVector());
    INDArray count = new CategoryEncoding(6, "count").apply(Tensor.of(ids)).value();
    assertArrayEquals(new float[] {1, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 1}, count.reshape(12).toFloatVector());
    INDArray oneHot = new CategoryEncoding(6, "one_hot").apply(Tensor.of(Nd4j.create(new int[][] {{3}, {0}}))).value();
    assertArrayEquals(new long[] {2, 6}, oneHot.shape(), "a trailing axis of 1 is dropped");
    assertEquals(1f, oneHot.getFloat(0, 3), 0);
    INDArray single = new CategoryEncoding(4, "multi_hot").apply(Tensor.of(Nd4j.createFromArray(1, 3))).value();
    assertArrayEquals(new long[] {4}, single.shape(), "a rank-1 input is one sample");
    assertThrows(ConfigException.class, () -> new CategoryEncoding(0, "count"));
    assertThrows(ConfigException.class, () -> new CategoryEncoding(3, "tf_idf"));
  }

  @Test
  void configsRoundTrip() {
    Discretization adapted = new Discretization(3, 0.02, "count");
    adapted.adapt(Nd4j.create(range(30)));
    for (Layer l : List.of(new Discretization(new double[] {-1, 0.5}, "one_hot"), new Discretization(4, 0.01, "int"), adapted,
        new CategoryEncoding(5, "count"), new CategoryEncoding(3, "binary"))) {
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(), l.className());
    }
    assertEquals(List.of("bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse", "name", "dtype"),
        List.copyOf(adapted.getConfig().json().keySet()));
  }
}
