package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** RandomShear, RandomGrayscale, RandomInvert, Solarization and AutoContrast. */
class ColorAugmentationLayersTest {
  private static final ValueRange PIXELS = ValueRange.of("t", JsonParser.parseString("[0, 255]"));

  private static INDArray pixels(long seed, long... shape) {
    return TestData.uniform(seed, 0, 255, shape);
  }

  private static FactorRange range(double lo, double hi) {
    return new FactorRange(lo, hi);
  }

  private static List<Supplier<Layer>> random() {
    return List.of(() -> new RandomShear(range(-0.3, 0.3), range(0.1, 0.2), "bilinear", "reflect", 0, null, 1L),
        () -> new RandomGrayscale(0.5, null), () -> new RandomInvert(range(0.2, 0.8), PIXELS, 2L, null),
        () -> new Solarization(range(0.1, 0.3), range(0, 0.5), PIXELS, 3L, null));
  }

  @Test
  void randomLayersAreIdentitiesInInference() {
    INDArray x = pixels(1, 2, 4, 5, 3);
    for (Supplier<Layer> make : random()) {
      Layer l = f64(make.get());
      assertEquals(x, l.apply(Tensor.of(x), false).value(), l.className());
    }
  }

  @Test
  void grayscaleWithProbabilityFactor() {
    int n = 2000;
    INDArray x = pixels(2, n, 1, 2, 3);
    INDArray y = f64(new RandomGrayscale(0.7, null)).apply(Tensor.of(x), true).value();
    int gray = 0;
    for (int i = 0; i < n; i++) {
      INDArray yi = y.slice(i);
      if (yi.equals(x.slice(i))) {
        continue;
      }
      gray++;
      for (int p = 0; p < 2; p++) {
        double expected = 0.2989 * x.getDouble(i, 0, p, 0) + 0.587 * x.getDouble(i, 0, p, 1)
            + 0.114 * x.getDouble(i, 0, p, 2);
        for (int c = 0; c < 3; c++) {
          assertEquals(expected, yi.getDouble(0, p, c), 1e-9);
        }
      }
    }
    assertEquals(0.7 * n, gray, 4 * Math.sqrt(n * 0.21), "Binomial(n, 0.7) gray images");
    assertThrows(IncompatibleInputException.class, () -> new RandomGrayscale(1, null)
        .apply(Tensor.of(Nd4j.ones(1, 2, 2, 4)), true));
  }

  @Test
  void invertWithADrawnProbability() {
    int n = 2000;
    INDArray x = pixels(3, n, 1, 1, 2);
    INDArray y = f64(new RandomInvert(range(0.2, 0.8), PIXELS, 4L, null)).apply(Tensor.of(x), true).value();
    int inverted = 0;
    for (int i = 0; i < n; i++) {
      boolean inv = !y.slice(i).equals(x.slice(i));
      if (inv) {
        assertTrue(y.slice(i).equalsWithEps(x.slice(i).rsub(255), 1e-9));
      }
      inverted += inv ? 1 : 0;
    }
    // The probability is uniform on [0.2, 0.8]: on average 1/2.
    assertEquals(n / 2.0, inverted, 4 * Math.sqrt(n / 4.0));
  }

  @Test
  void solarizationInvertsAboveTheThreshold() {
    INDArray x = pixels(4, 3, 4, 4, 2);
    // Threshold 0 (factor [0, 0]): every pixel is at or above it, so all invert; no addition.
    INDArray all = f64(new Solarization(range(0, 0), range(0, 0), PIXELS, 1L, null)).apply(Tensor.of(x), true).value();
    assertTrue(all.equalsWithEps(x.rsub(255), 1e-9));
    // On [0, 1] images the work happens on 0..255 and maps back.
    ValueRange unit = ValueRange.of("t", JsonParser.parseString("[0, 1]"));
    INDArray u = x.div(255);
    INDArray back = f64(new Solarization(range(0, 0), range(0, 0), unit, 1L, null)).apply(Tensor.of(u), true).value();
    assertTrue(back.equalsWithEps(u.rsub(1), 1e-9));
    INDArray y = f64(new Solarization(range(0.1, 0.3), range(0.4, 0.6), PIXELS, 2L, null)).apply(Tensor.of(x), true)
        .value();
    assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 255);
  }

  @Test
  void shearMovesRowsByTheDrawnFactor() {
    INDArray x = Nd4j.arange(16).castTo(DataType.DOUBLE).reshape(1, 4, 4, 1);
    INDArray y = f64(new RandomShear(range(0.5, 0.5), range(0, 0), "nearest", "constant", -1, null, 1L))
        .apply(Tensor.of(x), true).value();
    // Output (x, y) samples input column x + s * y, s = +-0.5 on the coin.
    double[] plus = new double[16];
    double[] minus = new double[16];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        int p = (int) Math.floor(c + 0.5 * r + 0.5);
        int m = (int) Math.floor(c - 0.5 * r + 0.5);
        plus[r * 4 + c] = p < 4 ? r * 4 + p : -1;
        minus[r * 4 + c] = m >= 0 ? r * 4 + m : -1;
      }
    }
    double[] got = y.reshape(16).toDoubleVector();
    assertTrue(Arrays.equals(got, plus) || Arrays.equals(got, minus),
        Arrays.toString(got));
    assertEquals(range(-0.1, 0.2), RandomShear.factor("x_factor", JsonParser.parseString("[-0.1, 0.2]")));
    assertThrows(ConfigException.class, () -> RandomShear.factor("x_factor", JsonParser.parseString("[-1.1, 0.2]")));
    assertThrows(ConfigException.class, () -> RandomShear.factor("x_factor", JsonParser.parseString("-0.1")));
    assertEquals(range(-0.2, 0.2), RandomShear.factor("x_factor", JsonParser.parseString("0.2")));
  }

  @Test
  void autoContrastStretchesEachChannelInInferenceToo() {
    INDArray x = TestData.uniform(5, 50, 100, 2, 3, 4, 2);
    x.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1)).assign(7);
    AutoContrast a = f64(new AutoContrast(PIXELS, null));
    for (boolean training : new boolean[] {false, true}) {
      INDArray y = a.apply(Tensor.of(x), training).value();
      for (int i = 0; i < 2; i++) {
        for (int c = 0; c < 2; c++) {
          INDArray ch = y.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
          if (i == 1 && c == 1) {
            assertEquals(7.0, ch.minNumber().doubleValue(), 0.0, "a constant channel keeps its values");
            assertEquals(7.0, ch.maxNumber().doubleValue(), 0.0, "a constant channel keeps its values");
          } else {
            assertEquals(0.0, ch.minNumber().doubleValue(), 1e-9);
            assertEquals(255.0, ch.maxNumber().doubleValue(), 1e-9);
          }
        }
      }
    }
    INDArray single = a.apply(Tensor.of(x.slice(0)), false).value();
    assertEquals(a.apply(Tensor.of(x), false).value().slice(0), single, "one image as a batch of one");
    // Channels-first images are stretched over axes 1 and 2 too (channels and rows), as Keras 3.16 does.
    INDArray cf = f64(new AutoContrast(ValueRange.of("t", JsonParser.parseString("[1, -1]")), "channels_first"))
        .apply(Tensor.of(x.permute(0, 3, 1, 2).dup().div(100)), false).value();
    for (int col = 0; col < 4; col++) {
      INDArray plane = cf.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(col));
      assertEquals(-1.0, plane.minNumber().doubleValue(), 1e-9);
      assertEquals(1.0, plane.maxNumber().doubleValue(), 1e-9);
    }
  }

  @Test
  void gradients() {
    for (Supplier<Layer> make : random()) {
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), false), pixels(6, 1, 2, 3, 3));
      if (!(make.get() instanceof RandomGrayscale)) { // unseeded: a fresh layer draws anew
        GradCheck.check(t -> f64(make.get()).apply(t.get(0), true), pixels(7, 2, 3, 4, 3));
      }
    }
    GradCheck.check(t -> f64(new AutoContrast(PIXELS, null)).apply(t.get(0), false), pixels(8, 2, 3, 3, 2));
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    for (Layer l : List.<Layer>of(new RandomShear(range(-0.3, 0.3), range(0, 0), "nearest", "wrap", 1, null, 5L),
        new RandomGrayscale(0.2, "channels_first"), new RandomInvert(range(0, 1), PIXELS, null, null),
        new Solarization(range(0, 0.2), range(0, 0.5), PIXELS, 3L, null), new AutoContrast(PIXELS, null))) {
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(),
          l.className());
    }
    String base = "name, trainable, dtype, data_format, ";
    assertEquals("[" + base + "x_factor, y_factor, fill_mode, interpolation, seed, fill_value]",
        keys(new RandomShear(range(0, 0), range(0, 0), "bilinear", "reflect", 0, null, null)));
    assertEquals("[" + base + "factor]", keys(new RandomGrayscale(0.5, null)));
    assertEquals("[" + base + "factor, value_range, seed]", keys(new RandomInvert(range(0, 1), PIXELS, null, null)));
    assertEquals("[" + base + "value_range, addition_factor, threshold_factor, seed]",
        keys(new Solarization(range(0, 0), range(0, 0), PIXELS, null, null)));
    assertEquals("[" + base + "value_range]", keys(new AutoContrast(PIXELS, null)));
    JsonArray sorted = new AutoContrast(ValueRange.of("t", JsonParser.parseString("[1, -1]")), null)
        .getConfig().get("value_range").getAsJsonArray();
    assertEquals(-1.0, sorted.get(0).getAsDouble(), 0.0, "value_range sorted, as Keras keeps it");
    assertEquals(1.0, sorted.get(1).getAsDouble(), 0.0, "value_range sorted, as Keras keeps it");
    assertThrows(ConfigException.class, () -> new RandomGrayscale(1.5, null));
  }

  private static String keys(Layer l) {
    return l.getConfig().json().keySet().toString();
  }
}
