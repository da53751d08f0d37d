package org.jeras.layers.pooling;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.reshaping.Flatten;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Keras's adaptive pooling layers: bins, math, gradients, config (real-Keras files: extra/layers3). */
class AdaptivePoolingTest {
  @Test
  void binsAreFloorAndCeilOfTheScaledPositions() {
    // 5 -> 3: [0, 2), [1, 4), [3, 5); 3 -> 5 repeats positions.
    long[][] want = {{0, 2}, {1, 4}, {3, 5}};
    for (int i = 0; i < 3; i++) {
      assertEquals(want[i][0], BaseAdaptivePooling.windowStart(i, 5, 3));
      assertEquals(want[i][1], BaseAdaptivePooling.windowEnd(i, 5, 3));
    }
    long[][] up = {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}};
    for (int i = 0; i < 5; i++) {
      assertEquals(up[i][0], BaseAdaptivePooling.windowStart(i, 3, 5));
      assertEquals(up[i][1], BaseAdaptivePooling.windowEnd(i, 3, 5));
    }
  }

  @Test
  void poolsEachBinOverEveryAxis() {
    INDArray x = TestData.uniform(1, -1, 1, 2, 5, 7, 3);
    INDArray avg = f64(new AdaptiveAveragePooling2D(3, 2)).apply(Tensor.of(x)).value();
    INDArray max = f64(new AdaptiveMaxPooling2D(3, 2)).apply(Tensor.of(x)).value();
    assertArrayEquals(new long[] {2, 3, 2, 3}, avg.shape());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        INDArray bin = x.get(NDArrayIndex.all(),
            NDArrayIndex.interval(BaseAdaptivePooling.windowStart(i, 5, 3), BaseAdaptivePooling.windowEnd(i, 5, 3)),
            NDArrayIndex.interval(BaseAdaptivePooling.windowStart(j, 7, 2), BaseAdaptivePooling.windowEnd(j, 7, 2)),
            NDArrayIndex.all());
        INDArray a = avg.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.point(j), NDArrayIndex.all());
        INDArray m = max.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.point(j), NDArrayIndex.all());
        assertTrue(a.equalsWithEps(bin.mean(1, 2), 1e-12), "mean of bin " + i + "," + j);
        assertTrue(m.equalsWithEps(bin.max(1, 2), 1e-12), "max of bin " + i + "," + j);
      }
    }
    INDArray cf = f64(new AdaptiveAveragePooling2D(3, 2).dataFormat("channels_first"))
        .apply(Tensor.of(x.permute(0, 3, 1, 2).dup())).value();
    assertTrue(cf.equalsWithEps(avg.permute(0, 3, 1, 2), 1e-12), "channels_first is channels_last transposed");
  }

  @Test
  void gradients() {
    GradCheck.check(t -> f64(new AdaptiveAveragePooling1D(5)).apply(t.get(0)), TestData.uniform(2, -1, 1, 2, 3, 2));
    GradCheck.check(t -> f64(new AdaptiveMaxPooling1D(3)).apply(t.get(0)), TestData.uniform(3, -1, 1, 2, 7, 2));
    GradCheck.check(t -> f64(new AdaptiveAveragePooling2D(2, 3)).apply(t.get(0)), TestData.uniform(4, -1, 1, 1, 5, 4, 2));
    GradCheck.check(t -> f64(new AdaptiveMaxPooling2D(2).dataFormat("channels_first")).apply(t.get(0)),
        TestData.uniform(5, -1, 1, 1, 2, 5, 3));
    GradCheck.check(t -> f64(new AdaptiveAveragePooling3D(2, 1, 3)).apply(t.get(0)),
        TestData.uniform(6, -1, 1, 1, 3, 2, 5, 2));
    GradCheck.check(t -> f64(new AdaptiveMaxPooling3D(2)).apply(t.get(0)), TestData.uniform(7, -1, 1, 1, 3, 3, 4, 1));
  }

  @Test
  void configRoundTripsWithKerasKeys() {
    AdaptiveMaxPooling3D p = new AdaptiveMaxPooling3D(2, 3, 4).dataFormat("channels_first");
    Config c = p.getConfig();
    assertEquals("[2,3,4]", c.json().get("output_size").toString());
    assertEquals("channels_first", c.getString("data_format"));
    assertEquals(c.json(), AdaptiveMaxPooling3D.fromConfig(c).getConfig().json());
    assertEquals("[4,4]", new AdaptiveAveragePooling2D(4).getConfig().json().get("output_size").toString());
    assertThrows(ConfigException.class, () -> new AdaptiveAveragePooling1D(0));
    assertThrows(ConfigException.class, () -> new AdaptiveAveragePooling2D(1, 2, 3));
    assertThrows(ConfigException.class, () -> AdaptiveMaxPooling2D.fromConfig(Config.parse("{\"output_size\":[1,2,3]}")));
    assertThrows(ConfigException.class, () -> new AdaptiveMaxPooling1D(2).dataFormat("nchw"));
  }

  @Test
  void trainsInAModel() {
    Seeds.setGlobalSeed(13);
    Tensor in = Input.of(7, 3);
    Tensor pooled = new Flatten().apply(new AdaptiveAveragePooling1D(3).apply(new AdaptiveMaxPooling1D(5).apply(in)));
    Functional model = new Functional(List.of(in), List.of(new Dense(1).apply(pooled)), "adaptive");
    model.compile(new SGD(0.1), "mse");
    INDArray x = TestData.uniform(8, -1, 1, 16, 7, 3).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    INDArray y = x.sum(1, 2).reshape(16, 1);
    double first = model.trainOnBatch(x, y).get("loss");
    double last = first;
    for (int i = 0; i < 60; i++) {
      last = model.trainOnBatch(x, y).get("loss");
    }
    assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
    assertArrayEquals(new long[] {16, 1}, model.predict(x).shape());
  }
}
