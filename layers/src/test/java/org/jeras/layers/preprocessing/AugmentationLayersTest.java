package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.function.Supplier;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The image augmentation layers: the identity in inference, Keras's distributions and bounds in
 * training, determinism under a seed, exact results where a range pins the draw (those numbers
 * from real Keras 3.16 runs), gradients, and configs.
 */
class AugmentationLayersTest {
  private static INDArray pixels(long seed, long... shape) {
    return TestData.uniform(seed, 0, 255, shape);
  }

  private static RandomZoom zoom(String h, String w, String fill, String interpolation, Long seed) {
    return new RandomZoom(JsonParser.parseString(h), w == null ? null : JsonParser.parseString(w), fill,
        interpolation, seed, -1.0, null);
  }

  private static RandomTranslation shift(String h, String w, String fill, Long seed) {
    return new RandomTranslation(JsonParser.parseString(h), JsonParser.parseString(w), fill, "bilinear", seed, -1.0,
        null);
  }

  private static List<Supplier<Layer>> all() {
    return List.of(() -> new RandomFlip("horizontal_and_vertical", 1L, null), () -> new RandomRotation(FactorRange.of("r", "factor", 0.2, -1, 1), "reflect", "bilinear", 8L, 0, null),
        () -> zoom("0.3", null, "reflect", "bilinear", 2L), () -> shift("0.2", "[-0.1, 0.3]", "wrap", 3L),
        () -> new RandomContrast(0.3, 4L), () -> new RandomBrightness(0.2, 5L),
        () -> new RandomCrop(2, 3, 6L, null));
  }

  @Test
  void identityInInference() {
    INDArray x = pixels(1, 2, 4, 5, 3);
    for (Supplier<Layer> make : all()) {
      Layer l = f64(make.get());
      assertEquals(x, l.apply(Tensor.of(x), false).value(), l.className());
      assertEquals(x.slice(0), l.apply(Tensor.of(x.slice(0)), false).value(), l.className() + " on one image");
    }
    // RandomCrop reports the target size symbolically while its inference output keeps the input's (as Keras 3.16).
    assertEquals(Shape.of(-1, 2, 3, 3), new RandomCrop(2, 3, 1L, null).computeOutputShape(Shape.of(-1, 4, 5, 3)));
  }

  @Test
  void flipsHalfTheImagesOnOneDrawForBothAxes() {
    int n = 4000;
    INDArray x = Nd4j.zeros(DataType.DOUBLE, n, 2, 2, 1);
    x.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.all()).assign(1);
    INDArray y = f64(new RandomFlip("horizontal_and_vertical", 7L, null)).apply(Tensor.of(x), true).value();
    int flipped = 0;
    for (int i = 0; i < n; i++) {
      boolean moved = y.getDouble(i, 1, 1, 0) == 1;
      assertTrue(moved || y.getDouble(i, 0, 0, 0) == 1, "either both axes flip or none");
      flipped += moved ? 1 : 0;
    }
    assertEquals(n / 2.0, flipped, 4 * Math.sqrt(n / 4.0), "Binomial(n, 1/2) flips");
    INDArray one = Nd4j.createFromArray(new double[] {1, 2, 3}).reshape(1, 1, 3, 1);
    INDArray h = f64(new RandomFlip("horizontal", 3L, null)).apply(Tensor.of(Nd4j.concat(0, one, one, one, one,
        one, one, one, one)), true).value();
    for (int i = 0; i < 8; i++) {
      INDArray row = h.slice(i).reshape(3);
      assertTrue(row.equals(one.reshape(3)) || row.equals(Nd4j.createFromArray(3.0, 2.0, 1.0)), row.toString());
    }
  }

  @Test
  void seededLayersRepeatTheirSequenceAndCallsDiffer() {
    INDArray x = pixels(2, 3, 5, 5, 2);
    for (Supplier<Layer> make : all()) {
      Layer a = f64(make.get());
      Layer b = f64(make.get());
      INDArray first = a.apply(Tensor.of(x), true).value();
      assertEquals(first, b.apply(Tensor.of(x), true).value(), a.className() + ": same seed, same draws");
      if (!(a instanceof RandomFlip)) {
        assertNotEquals(first, a.apply(Tensor.of(x), true).value(), a.className() + ": a new draw per call");
      }
    }
  }

  @Test
  void pinnedRangesGiveKerasResults() {
    // Expected values: Keras 3.16 (jax) on the same inputs with the same pinned ranges.
    INDArray x9 = Nd4j.arange(9).castTo(DataType.DOUBLE).reshape(1, 3, 3, 1);
    INDArray rot = f64(new RandomRotation(FactorRange.of("r", "factor", 0.25, 0.25, -1, 1), "reflect", "nearest", 1L,
        0, null)).apply(Tensor.of(x9), true).value();
    assertArrayEquals(new double[] {2, 5, 8, 1, 4, 7, 0, 3, 6}, rot.reshape(9).toDoubleVector(), 1e-9);
    INDArray x16 = Nd4j.arange(16).castTo(DataType.DOUBLE).reshape(1, 4, 4, 1);
    INDArray moved = f64(shift("[0.5, 0.5]", "[0.25, 0.25]", "constant", 1L)).apply(Tensor.of(x16), true).value();
    assertArrayEquals(new double[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, -1, 4, 5, 6},
        moved.reshape(16).toDoubleVector(), 1e-9);
    INDArray zoomed = f64(zoom("[1.0, 1.0]", null, "constant", "nearest", 1L)).apply(Tensor.of(x16), true).value();
    assertArrayEquals(new double[] {-1, -1, -1, -1, -1, 5, 7, -1, -1, 13, 15, -1, -1, -1, -1, -1},
        zoomed.reshape(16).toDoubleVector(), 1e-9);
    // Half a turn is both flips.
    INDArray x = pixels(3, 2, 4, 5, 2);
    INDArray half = f64(new RandomRotation(FactorRange.of("r", "factor", 0.5, 0.5, -1, 1), "constant", "bilinear",
        2L, 0, null)).apply(Tensor.of(x), true).value();
    INDArray both = x.dup();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 5; j++) {
        both.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.point(j), NDArrayIndex.all())
            .assign(x.get(NDArrayIndex.all(), NDArrayIndex.point(3 - i), NDArrayIndex.point(4 - j), NDArrayIndex.all()));
      }
    }
    assertTrue(both.equalsWithEps(half, 1e-9), half + " vs " + both);
  }

  @Test
  void geometricLayersKeepShapeAndValueRange() {
    INDArray x = pixels(4, 6, 7, 5, 3);
    double lo = x.minNumber().doubleValue();
    double hi = x.maxNumber().doubleValue();
    for (String fill : AffineWarp.FILL_MODES) {
      for (Layer l : List.<Layer>of(new RandomRotation(FactorRange.of("r", "factor", 0.5, -1, 1), fill, "bilinear", 1L,
          lo, null), zoom("[-0.5, 0.9]", "0.4", fill, "bilinear", 2L), shift("0.5", "0.5", fill, 3L))) {
        if (l instanceof RandomTranslation || l instanceof RandomZoom) {
          continue; // their fill value is -1, outside the range; checked below
        }
        INDArray y = f64(l).apply(Tensor.of(x), true).value();
        assertArrayEquals(x.shape(), y.shape(), l.className());
        assertTrue(y.minNumber().doubleValue() >= lo - 1e-9 && y.maxNumber().doubleValue() <= hi + 1e-9,
            l.className() + " " + fill + ": values stay within the input's range");
      }
      INDArray z = f64(zoom("[-0.5, 0.9]", "0.4", fill, "bilinear", 2L)).apply(Tensor.of(x), true).value();
      assertTrue(z.minNumber().doubleValue() >= -1 - 1e-9 && z.maxNumber().doubleValue() <= hi + 1e-9, fill);
    }
    assertEquals(0, AffineWarp.fold(0, 4, "reflect"));
    assertEquals(0, AffineWarp.fold(-1, 4, "reflect"));
    assertEquals(3, AffineWarp.fold(4, 4, "reflect"));
    assertEquals(3, AffineWarp.fold(-1, 4, "wrap"));
    assertEquals(3, AffineWarp.fold(9, 4, "nearest"));
  }

  @Test
  void contrastAndBrightnessDrawFromTheirRanges() {
    int n = 400;
    INDArray x = TestData.uniform(5, 100, 150, n, 3, 3, 1);
    RandomContrast contrast = f64(new RandomContrast(FactorRange.of("c", "factor", 0.2, 0.5, 0, 1),
        ValueRange.of("c", JsonParser.parseString("[0, 255]")), 6L, null));
    INDArray y = contrast.apply(Tensor.of(x), true).value();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      INDArray xi = x.slice(i);
      INDArray yi = y.slice(i);
      double c = yi.sub(yi.meanNumber()).norm2Number().doubleValue() / xi.sub(xi.meanNumber()).norm2Number().doubleValue();
      assertTrue(yi.sub(yi.meanNumber()).equalsWithEps(xi.sub(xi.meanNumber()).mul(c), 1e-6), "one factor per image");
      assertEquals(xi.meanNumber().doubleValue(), yi.meanNumber().doubleValue(), 1e-6, "the mean stays");
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
    assertTrue(min >= 0.8 - 1e-9 && max <= 1.5 + 1e-9, "factors in [1 - 0.2, 1 + 0.5]: " + min + ".." + max);
    assertTrue(min < 0.85 && max > 1.45, "the draws cover the range: " + min + ".." + max);
    RandomContrast stronger = f64(new RandomContrast(FactorRange.of("c", "factor", 0.0, 0.5, 0, 1),
        ValueRange.of("c", JsonParser.parseString("[0, 255]")), 6L, null));
    assertEquals(255.0, stronger.apply(Tensor.of(Nd4j.createFromArray(0.0, 255.0, 255.0, 255.0).reshape(1, 2, 2, 1)
        .mul(1)), true).value().maxNumber().doubleValue(), 1e-9, "clipped to value_range");

    RandomBrightness bright = f64(new RandomBrightness(FactorRange.of("b", "factor", -0.1, 0.3, -1, 1),
        ValueRange.of("b", JsonParser.parseString("[1.0, -1.0]")), 7L, null));
    INDArray z = TestData.uniform(8, -0.2, 0.2, n, 2, 2, 1);
    INDArray d = bright.apply(Tensor.of(z), true).value().sub(z);
    min = Double.MAX_VALUE;
    max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      INDArray di = d.slice(i);
      double delta = di.getDouble(0);
      if (z.slice(i).add(delta).maxNumber().doubleValue() < 1) {
        assertEquals(delta, di.maxNumber().doubleValue(), 1e-12, "one delta per image");
        assertEquals(delta, di.minNumber().doubleValue(), 1e-12, "one delta per image");
        min = Math.min(min, delta);
        max = Math.max(max, delta);
      }
    }
    // factor * (high - low) of the sorted range [-1, 1]
    assertTrue(min >= -0.2 - 1e-9 && max <= 0.6 + 1e-9 && min < -0.15 && max > 0.4, min + ".." + max);
    assertEquals(1.0, bright.apply(Tensor.of(Nd4j.ones(DataType.DOUBLE, 50, 1, 1, 1)), true).value().maxNumber()
        .doubleValue(), 0.0, "clipped to value_range");
  }

  @Test
  void cropTakesAWindowOrResizesSmallImages() {
    INDArray x = Nd4j.arange(2 * 6 * 7).castTo(DataType.DOUBLE).reshape(2, 6, 7, 1);
    RandomCrop crop = f64(new RandomCrop(3, 4, 5L, null));
    for (int k = 0; k < 10; k++) {
      INDArray y = crop.apply(Tensor.of(x), true).value();
      assertArrayEquals(new long[] {2, 3, 4, 1}, y.shape());
      double corner = y.getDouble(0, 0, 0, 0);
      int top = (int) corner / 7;
      int left = (int) corner % 7;
      assertTrue(top <= 3 && left <= 3, "window inside the image");
      assertEquals(x.get(NDArrayIndex.all(), NDArrayIndex.interval(top, top + 3), NDArrayIndex.interval(left, left + 4),
          NDArrayIndex.all()), y, "one window for the batch");
    }
    INDArray small = f64(new RandomCrop(8, 2, 1L, "channels_first")).apply(Tensor.of(pixels(9, 2, 2, 5, 5)), true)
        .value();
    assertArrayEquals(new long[] {2, 2, 8, 2}, small.shape());
    assertNotNull(new RandomCrop(2, 2, null, null).seed(), "an unset seed is drawn and kept");
  }

  @Test
  void gradients() {
    for (Supplier<Layer> make : all()) {
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), false), pixels(10, 1, 3, 3, 2).div(255));
      // A fresh layer per evaluation repeats its seed's draw: the training path is then fixed and
      // (away from clipping) linear in the images.
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), true), pixels(11, 2, 4, 5, 2).div(500).add(0.3));
    }
  }

  @Test
  void badInputsAndArguments() {
    assertThrows(IncompatibleInputException.class, () -> new RandomFlip("horizontal", 1L, null)
        .apply(Tensor.of(Nd4j.ones(2, 3)), true));
    assertThrows(ConfigException.class, () -> new RandomFlip("diagonal", 1L, null));
    assertThrows(ConfigException.class, () -> new RandomRotation(FactorRange.of("r", "factor", 0.1, -1, 1), "mirror",
        "bilinear", null, 0, null));
    assertThrows(ConfigException.class, () -> new RandomRotation(FactorRange.of("r", "factor", 0.1, -1, 1), "reflect",
        "bicubic", null, 0, null));
    assertThrows(ConfigException.class, () -> new RandomContrast(1.5, null));
    assertThrows(ConfigException.class, () -> zoom("[-1.0, 0.2]", null, "reflect", "bilinear", null));
    assertThrows(ConfigException.class, () -> shift("[0.1, 0.2, 0.3]", "0.1", "reflect", null));
    assertThrows(ConfigException.class, () -> shift("[0.1, 1.2]", "0.1", "reflect", null));
    assertThrows(ConfigException.class, () -> zoom("[0.1, 1.5]", null, "reflect", "bilinear", null));
    assertThrows(ConfigException.class, () -> shift("\"wide\"", "0.1", "reflect", null));
    assertThrows(ConfigException.class, () -> new RandomCrop(0, 2, null, null));
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    for (Supplier<Layer> make : all()) {
      Layer l = make.get();
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(),
          l.className());
    }
    // Key orders of Keras 3.16's get_config.
    String base = "name, trainable, dtype, data_format, ";
    assertEquals("[" + base + "seed, mode]", keys(new RandomFlip("vertical", null, null)));
    assertEquals("[" + base + "factor, fill_mode, fill_value, interpolation, seed]", keys(new RandomRotation(0.1)));
    assertEquals("[" + base + "height_factor, width_factor, fill_mode, interpolation, seed, fill_value]",
        keys(zoom("0.1", null, "reflect", "bilinear", null)));
    assertEquals("[" + base + "height_factor, width_factor, fill_mode, interpolation, seed, fill_value]",
        keys(shift("0.1", "0.2", "reflect", null)));
    assertEquals("[" + base + "factor, value_range, seed]", keys(new RandomContrast(0.1, null)));
    assertEquals("[" + base + "factor, value_range, seed]", keys(new RandomBrightness(0.1, null)));
    assertEquals("[" + base + "height, width, seed]", keys(new RandomCrop(2, 2, null, null)));
    assertEquals(JsonParser.parseString("[-0.1, 0.1]"), new RandomRotation(0.1).getConfig().get("factor"));
    assertEquals(JsonParser.parseString("[0.0, 0.1]"), new RandomContrast(0.1, null).getConfig().get("factor"));
    assertEquals(new JsonPrimitive(0.1), zoom("0.1", null, "reflect", "bilinear", null).getConfig().get("height_factor"));
  }

  private static String keys(Layer l) {
    return l.getConfig().json().keySet().toString();
  }
}
