package org.jeras.layers.applications;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ApplicationLayersTest {
  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -1, 1, shape);
  }

  @Test
  void layerScaleMultipliesChannelsByGamma() {
    LayerScale s = f64(new LayerScale(0.5, 3));
    INDArray x = rand(1, 2, 4, 3);
    INDArray y = s.apply(Tensor.of(x)).value();
    assertEquals(x.mul(0.5), y);
    s.gamma().array().assign(Nd4j.createFromArray(1.0, 2.0, 3.0));
    y = s.apply(Tensor.of(x)).value();
    assertEquals(x.get(all(), all(),
        point(2)).mul(3), y.get(all(),
        all(), point(2)));
    assertThrows(ConfigException.class, () -> new LayerScale(0.1, 0));
  }

  @Test
  void customScaleLayerAddsTheScaledSecondInput() {
    INDArray a = rand(2, 2, 3);
    INDArray b = rand(3, 2, 3);
    INDArray y = f64(new CustomScaleLayer(0.17)).apply(List.of(Tensor.of(a), Tensor.of(b))).value();
    assertTrue(a.add(b.mul(0.17)).equalsWithEps(y, 1e-12));
    assertThrows(IncompatibleInputException.class,
        () -> new CustomScaleLayer(1).apply(List.of(Tensor.of(a), Tensor.of(b), Tensor.of(a))));
  }

  @Test
  void stochasticDepthDropsWholeSamples() {
    INDArray x = Nd4j.ones(DataType.DOUBLE, 4000, 2, 3);
    StochasticDepth d = f64(new StochasticDepth(0.25));
    assertSame(x, d.apply(Tensor.of(x), false).value());
    Seeds.setGlobalSeed(5);
    INDArray y = d.apply(Tensor.of(x), true).value();
    int kept = 0;
    for (int i = 0; i < 4000; i++) {
      INDArray s = y.slice(i);
      double v = s.getDouble(0);
      assertEquals(v, s.minNumber().doubleValue(), 0.0, "one draw per sample");
      assertEquals(v, s.maxNumber().doubleValue(), 0.0, "one draw per sample");
      assertTrue(v == 0 || Math.abs(v - 1 / 0.75) < 1e-12, "kept samples scaled by 1/keep: " + v);
      kept += v == 0 ? 0 : 1;
    }
    // Binomial(4000, 0.75): standard deviation ~27.
    assertEquals(3000, kept, 120);
    assertEquals(0.0, f64(new StochasticDepth(1.0)).apply(Tensor.of(x), true).value().maxNumber().doubleValue());
    assertThrows(ConfigException.class, () -> new StochasticDepth(1.5));
  }

  @Test
  void gradients() {
    GradCheck.check(t -> f64(new LayerScale(0.3, 4)).apply(t.get(0)), rand(4, 2, 3, 4));
    LayerScale s = f64(new LayerScale(0.3, 4));
    INDArray x = rand(5, 2, 4);
    s.apply(Tensor.of(x));
    GradCheck.checkVariables(() -> s.apply(Tensor.of(x)), List.of(s.gamma()));
    GradCheck.check(t -> f64(new CustomScaleLayer(0.2)).apply(List.of(t.get(0), t.get(1))), rand(6, 2, 3),
        rand(7, 2, 3));
    GradCheck.check(t -> f64(new StochasticDepth(0.2)).apply(t.get(0), false), rand(8, 3, 2));
    // In training, a fixed draw makes it linear in x: re-seed identically for every evaluation.
    GradCheck.check(t -> {
      Seeds.setGlobalSeed(9);
      return f64(new StochasticDepth(0.5)).apply(t.get(0), true);
    }, rand(9, 6, 2));
  }

  @Test
  void configsRoundTripUnderKerasModules() {
    for (Layer l : List.of(new LayerScale(1e-6, 8), new StochasticDepth(0.1), new CustomScaleLayer(0.17))) {
      JsonObject dict = Serialization.serialize(l).getAsJsonObject();
      assertEquals(l.className(), dict.get("registered_name").getAsString());
      Layer back = Serialization.deserialize(dict, Layer.class);
      assertEquals(l.getClass(), back.getClass());
      assertEquals(l.getConfig(), back.getConfig());
    }
    assertEquals("keras.src.applications.convnext", new LayerScale(1, 2).module());
    assertEquals("keras.src.applications.inception_resnet_v2", new CustomScaleLayer(1).module());
    assertEquals(List.of("name", "trainable", "dtype", "init_values", "projection_dim"),
        List.copyOf(new LayerScale(1, 2).getConfig().json().keySet()));
  }
}
