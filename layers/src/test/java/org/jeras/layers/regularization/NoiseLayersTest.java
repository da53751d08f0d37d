package org.jeras.layers.regularization;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NoiseLayersTest {

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, 0.5, 1.5, shape);
  }

  @Test
  void identityInInference() {
    INDArray x = rand(1, 2, 3, 4);
    for (Layer l : List.of(new SpatialDropout1D(0.5, 1L), new GaussianNoise(0.5, 2L), new GaussianDropout(0.4, 3L),
        new AlphaDropout(0.3, null, 4L), new ActivityRegularization(0.1, 0.2))) {
      Layer m = f64(l);
      assertSame(x, m.apply(Tensor.of(x), false).value(), l.className());
    }
  }

  @Test
  void spatialDropoutDropsWholeChannels() {
    INDArray x = rand(2, 4, 5, 5, 6);
    INDArray out = f64(new SpatialDropout2D(0.5, "channels_last", 7L)).apply(Tensor.of(x), true).value();
    int dropped = 0;
    for (int b = 0; b < 4; b++) {
      for (int c = 0; c < 6; c++) {
        INDArray ratio = out.get(NDArrayIndex.point(b), NDArrayIndex.all(),
            NDArrayIndex.all(), NDArrayIndex.point(c)).div(
            x.get(NDArrayIndex.point(b), NDArrayIndex.all(),
                NDArrayIndex.all(), NDArrayIndex.point(c)));
        double lo = ratio.minNumber().doubleValue();
        double hi = ratio.maxNumber().doubleValue();
        assertEquals(lo, hi, 1e-12, "one draw per (sample, channel)");
        assertTrue(lo == 0 || Math.abs(lo - 2) < 1e-12, "kept maps scaled by 1/(1-rate): " + lo);
        dropped += lo == 0 ? 1 : 0;
      }
    }
    assertTrue(dropped > 0 && dropped < 24, "dropped " + dropped + " of 24 maps");
    INDArray cf = f64(new SpatialDropout3D(0.5, "channels_first", 8L)).apply(Tensor.of(rand(3, 2, 3, 2, 2, 2)), true).value();
    assertEquals(5, cf.rank());
    assertThrows(IllegalArgumentException.class, () -> new SpatialDropout1D(0.5, null).apply(Tensor.of(x), true));
  }

  @Test
  void noiseStatistics() {
    INDArray ones = Nd4j.ones(DataType.DOUBLE, 200, 50);
    INDArray n = f64(new GaussianNoise(0.5, 1L)).apply(Tensor.of(ones), true).value().sub(1);
    assertEquals(0.0, n.meanNumber().doubleValue(), 0.02);
    assertEquals(0.5, n.stdNumber().doubleValue(), 0.02);
    INDArray g = f64(new GaussianDropout(0.2, 2L)).apply(Tensor.of(ones), true).value();
    assertEquals(1.0, g.meanNumber().doubleValue(), 0.02);
    assertEquals(0.5, g.stdNumber().doubleValue(), 0.02); // sqrt(0.2 / 0.8)
    // AlphaDropout keeps zero mean and unit variance of standardized inputs.
    Nd4j.getRandom().setSeed(3);
    INDArray z = Nd4j.randn(DataType.DOUBLE, 200, 50);
    INDArray a = f64(new AlphaDropout(0.2, null, 4L)).apply(Tensor.of(z), true).value();
    assertEquals(0.0, a.meanNumber().doubleValue(), 0.03);
    assertEquals(1.0, a.stdNumber().doubleValue(), 0.03);
  }

  @Test
  void activityRegularizationAddsScaledPenalty() {
    ActivityRegularization r = f64(new ActivityRegularization(0.01, 0.02));
    INDArray x = Nd4j.create(new double[][] {{1, -2}, {3, 0}});
    r.apply(Tensor.of(x), false);
    // (0.01 * sum|x| + 0.02 * sum x^2) / batch = (0.06 + 0.28) / 2
    assertEquals(0.17, r.losses().get(0).value().getDouble(0), 1e-12);
    assertEquals(List.of("name", "trainable", "dtype", "l1", "l2"), List.copyOf(r.getConfig().json().keySet()));
    // The penalty is differentiable in the layer's input.
    GradCheck.check(t -> {
      ActivityRegularization g = f64(new ActivityRegularization(0.01, 0.02));
      g.apply(t.get(0), true);
      return g.losses().get(0);
    }, Nd4j.create(new double[][] {{0.7, -2}, {3, 0.4}}));
  }

  @Test
  void configsRoundTrip() {
    for (Layer l : List.of(new SpatialDropout1D(0.3, null), new SpatialDropout2D(0.2, "channels_first", 5L),
        new SpatialDropout3D(0.1, "channels_last", null), new GaussianNoise(0.1, null), new GaussianDropout(0.3, 2L),
        new AlphaDropout(0.2, new long[] {-1, 1, 4}, 1L), new AlphaDropout(0.2, null, null),
        new ActivityRegularization(0.0, 0.5))) {
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(), l.className());
    }
    assertEquals(List.of("rate", "seed", "name", "dtype", "data_format"),
        List.copyOf(new SpatialDropout2D(0.1, "channels_last", null).getConfig().json().keySet()));
    assertThrows(ConfigException.class, () -> new GaussianNoise(2.0, null));
  }

  @Test
  void gradientsInTraining() {
    // With a fixed draw the noise layers are linear in x: check against finite differences by
    // re-seeding identically for every evaluation.
    INDArray x = rand(5, 3, 4);
    for (Supplier<Layer> make : List.<Supplier<Layer>>of(
        () -> new GaussianNoise(0.3, 11L), () -> new GaussianDropout(0.3, 12L), () -> new AlphaDropout(0.3, null, 13L),
        () -> new SpatialDropout1D(0.3, 14L))) {
      INDArray in = make.get() instanceof SpatialDropout1D ? rand(6, 2, 3, 4) : x;
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), true), in);
    }
  }

  @Test
  void trainsWithNoise() {
    Dense d = f64(new Dense(1));
    GaussianNoise noise = f64(new GaussianNoise(0.05, 1L));
    INDArray x = rand(7, 16, 3);
    INDArray y = x.sum(true, 1).reshape(16, 1);
    d.apply(Tensor.of(x));
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(d.apply(noise.apply(Tensor.of(x), true)),
        Tensor.of(y)))), d.trainableWeights(), 0.1, 30, 0.3);
  }
}
