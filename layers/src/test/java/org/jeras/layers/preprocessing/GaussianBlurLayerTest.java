package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
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

/** RandomGaussianBlur. */
class GaussianBlurLayerTest {
  private static final ValueRange PIXELS = ValueRange.of("t", JsonParser.parseString("[0, 255]"));

  private static RandomGaussianBlur blur(double pLow, double pHigh, double sigma, Long seed) {
    return new RandomGaussianBlur(new FactorRange(pLow, pHigh), 3, 5, new FactorRange(sigma, sigma), PIXELS, null,
        seed);
  }

  @Test
  void blursWithTheSeparableGaussianKernel() {
    INDArray x = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(1, 3, 4, 1);
    // Through the layer: sigma pinned, probability 1, so every image is blurred with sigma + 1e-6.
    INDArray y = f64(blur(1, 1, 0.6, 3L)).apply(Tensor.of(x), true).value();
    double[] k6x = RandomGaussianBlur.gaussian(3, 0.6 + 1e-6);
    double[] k6y = RandomGaussianBlur.gaussian(5, 0.6 + 1e-6);
    double center = 0;
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        center += x.getDouble(0, r, c, 0) * k6y[r + 1] * k6x[c];
      }
    }
    assertEquals(center, y.getDouble(0, 1, 1, 0), 1e-9);
    double[] k = RandomGaussianBlur.gaussian(5, 0.7);
    assertEquals(1.0, k[0] + k[1] + k[2] + k[3] + k[4], 1e-12);
    assertEquals(Math.exp(-0.5 / 0.49), k[1] / k[2], 1e-12, "exp(-x^2 / (2 sigma^2)) one tap from the center");
    assertEquals(k[0], k[4], 0.0);
  }

  @Test
  void blursWithTheDrawnProbability() {
    int n = 1000;
    INDArray x = TestData.uniform(1, 0, 255, n, 3, 3, 1);
    INDArray y = f64(blur(0.2, 0.6, 0.5, 2L)).apply(Tensor.of(x), true).value();
    int blurred = 0;
    for (int i = 0; i < n; i++) {
      blurred += y.slice(i).equals(x.slice(i)) ? 0 : 1;
    }
    assertEquals(0.4 * n, blurred, 4 * Math.sqrt(n * 0.24), "mean probability 0.4");
    assertEquals(x, f64(blur(0.2, 0.6, 0.5, 2L)).apply(Tensor.of(x), false).value(), "identity in inference");
    assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 255);
  }

  @Test
  void gradientsAndConfig() {
    INDArray x = TestData.uniform(3, 0, 255, 2, 4, 4, 2);
    GradCheck.check(t -> f64(blur(0, 1, 0.5, 4L)).apply(t.get(0), false), x);
    GradCheck.check(t -> f64(blur(1, 1, 0.5, 4L)).apply(t.get(0), true), x);
    Layer l = blur(0.1, 0.4, 0.3, 5L);
    assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig());
    assertEquals("[name, trainable, dtype, data_format, factor, kernel_size, sigma, value_range, seed]",
        l.getConfig().json().keySet().toString());
    assertThrows(ConfigException.class, () -> new RandomGaussianBlur(new FactorRange(0, 1), 4, 3, new FactorRange(0, 1),
        PIXELS, null, null));
  }
}
