package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** RandomColorDegeneration, RandomSharpness and RandomPosterization. */
class ToneAugmentationLayersTest {
  private static final ValueRange PIXELS = ValueRange.of("t", JsonParser.parseString("[0, 255]"));

  private static INDArray pixels(long seed, long... shape) {
    return TestData.uniform(seed, 0, 255, shape);
  }

  private static List<Supplier<Layer>> layers() {
    return List.of(() -> new RandomColorDegeneration(new FactorRange(-0.5, 0.7), PIXELS, null, 1L),
        () -> new RandomSharpness(new FactorRange(0.1, 0.9), PIXELS, null, 2L),
        () -> new RandomPosterization(new FactorRange(2, 6), PIXELS, null, 3L));
  }

  @Test
  void identitiesInInference() {
    INDArray x = pixels(1, 2, 4, 5, 3);
    for (Supplier<Layer> make : layers()) {
      assertEquals(x, f64(make.get()).apply(Tensor.of(x), false).value());
    }
  }

  @Test
  void colorDegenerationMixesWithGrayByTheDrawnFactor() {
    // Factor pinned at 1: all gray; at 0: unchanged.
    INDArray x = pixels(2, 3, 2, 2, 3);
    INDArray gray = f64(new RandomColorDegeneration(new FactorRange(1, 1), PIXELS, null, 1L)).apply(Tensor.of(x), true)
        .value();
    INDArray expected = x.get(all(), all(),
        all(), point(0)).mul(0.2989)
        .add(x.get(all(), all(),
            all(), point(1)).mul(0.587))
        .add(x.get(all(), all(),
            all(), point(2)).mul(0.114));
    for (int c = 0; c < 3; c++) {
      assertTrue(expected.equalsWithEps(gray.get(all(),
          all(), all(),
          point(c)), 1e-9));
    }
    INDArray same = f64(new RandomColorDegeneration(new FactorRange(0, 0), PIXELS, null, 1L)).apply(Tensor.of(x), true)
        .value();
    assertTrue(same.equalsWithEps(x, 1e-9));
    INDArray y = f64(layers().get(0).get()).apply(Tensor.of(pixels(3, 20, 3, 3, 3)), true).value();
    assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 255, "clipped to value_range");
  }

  @Test
  void sharpnessAtHalfFactorIsTheIdentityAndAtZeroTheSmoothing() {
    INDArray x = pixels(4, 2, 3, 4, 1);
    INDArray same = f64(new RandomSharpness(new FactorRange(0.5, 0.5), PIXELS, null, 1L)).apply(Tensor.of(x), true)
        .value();
    assertTrue(same.equalsWithEps(x, 1e-9), "s = 1 keeps the image");
    INDArray smooth = f64(new RandomSharpness(new FactorRange(0, 0), PIXELS, null, 1L)).apply(Tensor.of(x), true)
        .value();
    // The smoothing of pixel (1, 1): its 3x3 neighbours (all inside) weigh 1/13, itself 5/13.
    double sum = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        sum += x.getDouble(0, 1 + dy, 1 + dx, 0) * (dy == 0 && dx == 0 ? 5 : 1) / 13.0;
      }
    }
    assertEquals(sum, smooth.getDouble(0, 1, 1, 0), 1e-9);
    // A corner sees zero padding.
    double corner = (5 * x.getDouble(1, 0, 0, 0) + x.getDouble(1, 0, 1, 0) + x.getDouble(1, 1, 0, 0)
        + x.getDouble(1, 1, 1, 0)) / 13.0;
    assertEquals(corner, smooth.getDouble(1, 0, 0, 0), 1e-9);
  }

  @Test
  void posterizationKeepsTheDrawnTopBits() {
    int n = 600;
    INDArray x = Nd4j.valueArrayOf(new long[] {n, 1, 1, 1}, 255.0, DataType.DOUBLE);
    INDArray y = f64(new RandomPosterization(new FactorRange(2, 6), PIXELS, null, 4L)).apply(Tensor.of(x), true)
        .value();
    TreeSet<Double> seen = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      seen.add(y.getDouble(i, 0, 0, 0));
    }
    // 255 with the top 2, 3, 4 or 5 bits kept (upper end 6 excluded, as Keras's randint).
    assertEquals(new TreeSet<>(List.of(192.0, 224.0, 240.0, 248.0)), seen);
    ValueRange unit = ValueRange.of("t", JsonParser.parseString("[0, 1]"));
    INDArray u = Nd4j.createFromArray(0.5, 0.99).reshape(1, 1, 2, 1);
    INDArray p = f64(new RandomPosterization(new FactorRange(1, 1), unit, null, 1L)).apply(Tensor.of(u), true).value();
    assertEquals(0.0, p.getDouble(0), 1e-9); // 127 -> 0
    assertEquals(128 / 255.0, p.getDouble(1), 1e-9); // 252 -> 128
  }

  @Test
  void gradients() {
    for (Supplier<Layer> make : layers()) {
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), false), pixels(5, 1, 2, 3, 3));
    }
    for (Supplier<Layer> make : layers().subList(0, 2)) {
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), true), pixels(6, 2, 3, 3, 3).div(4).add(100));
    }
  }

  @Test
  void configs() {
    for (Supplier<Layer> make : layers()) {
      Layer l = make.get();
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig());
      assertEquals("[name, trainable, dtype, data_format, factor, value_range, seed]",
          l.getConfig().json().keySet().toString());
    }
    assertEquals(new FactorRange(1, 4), FactorRange.of("p", "factor", 4, 1, 8));
    assertThrows(ConfigException.class, () -> FactorRange.of("p", "factor", 9, 1, 8));
  }
}
