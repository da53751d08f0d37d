package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.function.Supplier;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The random augmentation layers of issue #13's second batch: RandomHue, RandomSaturation,
 * RandomColorJitter, RandomPerspective, RandomElasticTransform, MixUp, CutMix, AugMix and RandAugment
 * (identity in inference; in training: bounds, statistics, determinism under a seed), with gradient
 * checks and config round-trips.
 */
class Augmentation2LayersTest {
  static final ValueRange PIXELS = ValueRange.of("t", JsonParser.parseString("[0, 255]"));

  static INDArray pixels(long seed, long... shape) {
    return TestData.uniform(seed, 0, 255, shape);
  }

  static FactorRange range(double lo, double hi) {
    return new FactorRange(lo, hi);
  }

  /** Fresh seeded layers (a fresh layer repeats its seed's draws). */
  static List<Supplier<ImageAugmentation>> randomLayers() {
    return List.of(() -> new RandomHue(range(0.1, 0.4), PIXELS, null, 1L),
        () -> new RandomSaturation(range(0.2, 0.8), PIXELS, null, 2L),
        () -> new RandomColorJitter(PIXELS, new JsonPrimitive(0.2), new JsonPrimitive(0.3), new JsonPrimitive(0.4),
            new JsonPrimitive(0.2), 3L, null),
        () -> new RandomPerspective(range(0, 1), 0.6, "bilinear", 5.0, 4L, null),
        () -> new RandomElasticTransform(range(0, 1), range(0.5, 1), "bilinear", "reflect", 0, PIXELS, 5L, null),
        () -> new MixUp(0.4, null, 6L),
        () -> new CutMix(range(0, 1), 7L, null),
        () -> new AugMix(PIXELS, 2, new JsonPrimitive(2), range(0, 0.5), 1.0, true, "bilinear", 8L, null),
        () -> new RandAugment(PIXELS, 2, range(0, 0.5), "bilinear", 9L, null));
  }

  @Test
  void identitiesInInferenceRandomInTrainingAndRepeatableUnderASeed() {
    INDArray x = pixels(1, 4, 8, 8, 3);
    for (Supplier<ImageAugmentation> make : randomLayers()) {
      ImageAugmentation l = f64(make.get());
      String what = l.className();
      assertEquals(x, l.apply(Tensor.of(x), false).value(), what + " in inference");
      INDArray first = l.apply(Tensor.of(x), true).value();
      assertArrayEquals(x.shape(), first.shape(), what);
      assertNotEquals(x, first, what + " changes images in training");
      assertTrue(first.minNumber().doubleValue() >= -1e-9 && first.maxNumber().doubleValue() <= 255 + 1e-9,
          what + " stays in [0, 255]: " + first.minNumber() + ".." + first.maxNumber());
      assertEquals(first, f64(make.get()).apply(Tensor.of(x), true).value(), what + ": same seed, same draw");
      assertNotEquals(first, l.apply(Tensor.of(x), true).value(), what + ": the next call draws anew");
      // One image (rank 3) as a batch of one; channels-first images as channels-last ones.
      assertArrayEquals(new long[] {8, 8, 3}, l.apply(Tensor.of(x.slice(0)), true).value().shape(), what);
    }
  }

  @Test
  void hueRotationKeepsSaturationAndValue() {
    INDArray x = pixels(2, 6, 4, 4, 3);
    INDArray y = f64(new RandomHue(range(0.3, 0.3), PIXELS, null, 3L)).apply(Tensor.of(x), true).value();
    INDArray hx = Hsv.fromRgb(Tensor.of(x.div(255))).value();
    INDArray hy = Hsv.fromRgb(Tensor.of(y.div(255))).value();
    for (int c = 1; c < 3; c++) {
      INDArray a = hx.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
      INDArray b = hy.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
      assertTrue(a.equalsWithEps(b, 1e-9), "saturation and value kept");
    }
    // The hue moves by +-0.15 of the circle (factor 0.3, halved), the sign per image.
    for (int i = 0; i < 6; i++) {
      double d = hy.getDouble(i, 0, 0, 0) - hx.getDouble(i, 0, 0, 0);
      double wrapped = d - Math.rint(d);
      assertEquals(0.15, Math.abs(wrapped), 1e-9, "image " + i);
    }
    assertThrows(IncompatibleInputException.class,
        () -> new RandomHue(range(0, 1), PIXELS, null, 1L).apply(Tensor.of(Nd4j.ones(1, 2, 2, 4)), true));
  }

  @Test
  void hsvRoundTripsAndMatchesTheDefinition() {
    INDArray x = TestData.uniform(4, 0, 1, 3, 2, 5, 3);
    assertTrue(x.equalsWithEps(Hsv.toRgb(Hsv.fromRgb(Tensor.of(x))).value(), 1e-12));
    INDArray pure = Nd4j.createFromArray(new double[] {0, 1, 0, 0.5, 0.25, 0.25}).reshape(1, 1, 2, 3);
    INDArray hsv = Hsv.fromRgb(Tensor.of(pure)).value();
    assertArrayEquals(new double[] {1.0 / 3, 1, 1, 0, 0.5, 0.5}, hsv.reshape(6).toDoubleVector(), 1e-12,
        "green: hue 1/3; a red-dominant gray-ish pixel: hue 0, saturation 0.5, value 0.5");
  }

  @Test
  void saturationFactorsZeroHalfAndOne() {
    INDArray x = pixels(5, 3, 3, 3, 3);
    INDArray gray = f64(new RandomSaturation(range(0, 0), PIXELS, null, 1L)).apply(Tensor.of(x), true).value();
    INDArray max = x.max(3);
    for (int c = 0; c < 3; c++) {
      assertTrue(gray.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c))
          .equalsWithEps(max, 1e-9), "factor 0: every channel is the value (max)");
    }
    INDArray same = f64(new RandomSaturation(range(0.5, 0.5), PIXELS, null, 1L)).apply(Tensor.of(x), true).value();
    assertTrue(same.equalsWithEps(x, 1e-4), "factor 0.5 scales saturation by 0.5 / (0.5 + 1e-7)");
    // Keras clips the scaled saturation to value_range: on [0, 1] images, to min(9 s, 1).
    ValueRange unit = ValueRange.of("t", JsonParser.parseString("[0, 1]"));
    INDArray full = f64(new RandomSaturation(range(0.9, 0.9), unit, null, 1L)).apply(Tensor.of(x.div(255)), true)
        .value();
    INDArray before = Hsv.fromRgb(Tensor.of(x.div(255))).value();
    INDArray after = Hsv.fromRgb(Tensor.of(full)).value();
    double scale = 0.9 / (0.1 + 1e-7);
    for (int k = 0; k < 27; k++) {
      int i = k / 9;
      int r = k / 3 % 3;
      int c = k % 3;
      assertEquals(Math.min(1, scale * before.getDouble(i, r, c, 1)), after.getDouble(i, r, c, 1), 1e-9, "saturation");
      assertEquals(before.getDouble(i, r, c, 2), after.getDouble(i, r, c, 2), 1e-9, "value");
    }
  }

  @Test
  void perspectiveHomographyAndProbability() {
    double[][] start = {{0, 0}, {9, 0}, {0, 5}, {9, 5}};
    double[][] end = {{1, 0.5}, {8, -0.3}, {-0.4, 5.5}, {9.7, 4.6}};
    double[] h = RandomPerspective.homography(start, end);
    for (int k = 0; k < 4; k++) {
      double den = h[6] * end[k][0] + h[7] * end[k][1] + 1;
      assertEquals(start[k][0], (h[0] * end[k][0] + h[1] * end[k][1] + h[2]) / den, 1e-9);
      assertEquals(start[k][1], (h[3] * end[k][0] + h[4] * end[k][1] + h[5]) / den, 1e-9);
    }
    INDArray x = pixels(6, 2, 5, 6, 2);
    assertEquals(x, f64(new RandomPerspective(range(1, 1), 0, "bilinear", 0, 1L, null)).apply(Tensor.of(x), true)
        .value(), "scale 0: corners stay, the identity");
    int n = 400;
    INDArray many = pixels(7, n, 4, 4, 1);
    INDArray y = f64(new RandomPerspective(range(0.3, 0.3), 1, "nearest", -1, 2L, null)).apply(Tensor.of(many), true)
        .value();
    int changed = 0;
    for (int i = 0; i < n; i++) {
      changed += y.slice(i).equals(many.slice(i)) ? 0 : 1;
    }
    assertEquals(0.3 * n, changed, 4 * Math.sqrt(n * 0.21), "Binomial(n, 0.3) warped images");
  }

  @Test
  void elasticTransformProbabilityAndNoOpScales() {
    INDArray x = pixels(8, 2, 6, 6, 1).add(300); // outside value_range: only a transforming call clips
    assertEquals(x, f64(new RandomElasticTransform(range(0, 1), range(0, 0), "bilinear", "reflect", 0, PIXELS, 1L,
        null)).apply(Tensor.of(x), true).value(), "scale tops at 0: nothing happens (no clipping either)");
    int n = 300;
    INDArray many = pixels(9, n, 6, 6, 1);
    INDArray y = f64(new RandomElasticTransform(range(0.6, 0.6), range(1, 1), "bilinear", "constant", 0, PIXELS, 2L,
        null)).apply(Tensor.of(many), true).value();
    int changed = 0;
    for (int i = 0; i < n; i++) {
      changed += y.slice(i).equals(many.slice(i)) ? 0 : 1;
    }
    assertEquals(0.6 * n, changed, 4 * Math.sqrt(n * 0.24), "Binomial(n, 0.6) distorted images");
  }

  @Test
  void mixUpBlendsEachImageWithAnother() {
    int n = 500;
    // Image i is constant i: a mixed image is constant w i + (1 - w) p(i).
    INDArray x = Nd4j.arange(n).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).reshape(n, 1, 1, 1)
        .repeat(1, 2).repeat(2, 2).reshape(n, 2, 2, 1);
    INDArray y = f64(new MixUp(0.5, null, 3L)).apply(Tensor.of(x), true).value();
    for (int i = 0; i < n; i++) {
      assertEquals(0.0, y.slice(i).sub(y.getDouble(i, 0, 0, 0)).amaxNumber().doubleValue(), 1e-9, "constant");
    }
    // Beta(a, a) weights: mean 1/2, variance 1 / (4 (2a + 1)) = 1/8 for a = 0.5.
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    int m = 20000;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < m; i++) {
      double b = Draws.beta(0.5, 0.5, r);
      assertTrue(b >= 0 && b <= 1);
      sum += b;
      sq += b * b;
    }
    double mean = sum / m;
    assertEquals(0.5, mean, 4 * Math.sqrt(0.125 / m));
    assertEquals(0.125, sq / m - mean * mean, 0.01);
    int[] p = Draws.permutation(10, r);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, java.util.Arrays.stream(p).sorted().toArray());
    Tensor[] both = new MixUp(0.5, null, 4L).mixImagesAndLabels(Tensor.of(x.castTo(
        org.nd4j.linalg.api.buffer.DataType.FLOAT)), Tensor.of(Nd4j.arange(n).reshape(n, 1)));
    // The labels are mixed with the images' draw: label i equals the mixed constant of image i.
    assertTrue(both[0].value().get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(0),
        NDArrayIndex.point(0)).reshape(n, 1).equalsWithEps(both[1].value(), 1e-3));
  }

  @Test
  void cutMixPastesABoxOfAnotherImage() {
    int n = 50;
    INDArray x = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n, 8, 9, 2);
    for (int i = 0; i < n; i++) {
      x.slice(i).assign(i + 1);
    }
    INDArray y = f64(new CutMix(range(1, 1), 3L, null)).apply(Tensor.of(x), true).value();
    int mixed = 0;
    for (int i = 0; i < n; i++) {
      INDArray yi = y.slice(i);
      double other = yi.maxNumber().doubleValue() == i + 1 ? yi.minNumber().doubleValue() : yi.maxNumber().doubleValue();
      // Rows and columns holding the other image's value form a box.
      int r0 = 99;
      int r1 = -1;
      int c0 = 99;
      int c1 = -1;
      int count = 0;
      for (int r = 0; r < 8; r++) {
        for (int c = 0; c < 9; c++) {
          double v = yi.getDouble(r, c, 0);
          assertTrue(v == i + 1 || v == other, "pixel from image " + i + " or its partner");
          assertEquals(v, yi.getDouble(r, c, 1), 0.0, "both channels");
          if (v != i + 1) {
            count++;
            r0 = Math.min(r0, r);
            r1 = Math.max(r1, r);
            c0 = Math.min(c0, c);
            c1 = Math.max(c1, c);
          }
        }
      }
      if (count > 0) {
        mixed++;
        assertEquals((r1 - r0 + 1) * (c1 - c0 + 1), count, "a box");
      }
    }
    assertTrue(mixed > n / 2, mixed + " of " + n + " images got a box");
  }

  @Test
  void augMixAndRandAugmentEdgeCases() {
    INDArray x = pixels(10, 2, 6, 6, 3);
    assertEquals(x, f64(new RandAugment(PIXELS, 0, range(0, 0.5), "bilinear", 1L, null)).apply(Tensor.of(x), true)
        .value(), "no ops: the images");
    // AugMix with depth-0 chains mixes the images with themselves.
    assertTrue(x.equalsWithEps(f64(new AugMix(PIXELS, 3, new JsonPrimitive(0), range(0, 0.5), 1.0, false,
        "bilinear", 2L, null)).apply(Tensor.of(x), true).value(), 1e-9));
    AugMix pair = new AugMix(PIXELS, 2, JsonParser.parseString("[1, 2]"), range(0, 0.5), 1.0, true, "nearest", 3L,
        null);
    assertEquals(JsonParser.parseString("[1, 2]"), pair.getConfig().get("chain_depth"));
    assertThrows(ConfigException.class, () -> new AugMix(PIXELS, 2, JsonParser.parseString("[2, 1]"),
        range(0, 0.5), 1.0, true, "nearest", 3L, null));
    assertThrows(ConfigException.class, () -> new AugMix(PIXELS, 0, new JsonPrimitive(1), range(0, 0.5), 1.0, true,
        "nearest", 3L, null));
    // A name given to the layer names its augmentations too, as Keras passes its keyword arguments on.
    RandAugment named = RandAugment.fromConfig(Config.parse("{\"name\": \"ra\"}"));
    assertTrue(named.sublayers().stream().allMatch(s -> s.name().equals("ra")));
    assertEquals(11, named.sublayers().size());
  }

  @Test
  void gradients() {
    for (Supplier<ImageAugmentation> make : randomLayers()) {
      GradCheck.check(t -> f64(make.get()).apply(t.get(0), false), pixels(11, 1, 3, 3, 3));
    }
    // Training paths that are smooth in the pixels (AugMix and RandAugment may pick piecewise-constant tone maps).
    INDArray x = pixels(12, 2, 4, 4, 3).div(2).add(60);
    GradCheck.check(t -> f64(new RandomHue(range(0.1, 0.4), PIXELS, null, 1L)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new RandomSaturation(range(0.2, 0.45), PIXELS, null, 2L)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new RandomColorJitter(PIXELS, new JsonPrimitive(0.1), null, new JsonPrimitive(0.2),
        null, 3L, null)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new RandomPerspective(range(1, 1), 0.5, "bilinear", 5.0, 4L, null))
        .apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new RandomElasticTransform(range(1, 1), range(1, 1), "bilinear", "reflect", 0, PIXELS,
        5L, null)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new MixUp(0.4, null, 6L)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new CutMix(range(0, 1), 7L, null)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new AugMix(PIXELS, 2, new JsonPrimitive(0), range(0, 0.5), 0.8, true, "bilinear", 8L,
        null)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new RandAugment(PIXELS, 0, range(0, 0.5), "bilinear", 9L, null)).apply(t.get(0), true),
        x);
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    String base = "name, trainable, dtype, data_format, ";
    for (Supplier<ImageAugmentation> make : randomLayers()) {
      Layer l = make.get();
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(),
          l.className());
    }
    List<ImageAugmentation> ls = randomLayers().stream().map(Supplier::get).toList();
    String[] keys = {"factor, value_range, seed", "factor, value_range, seed",
        "value_range, brightness_factor, contrast_factor, saturation_factor, hue_factor, seed",
        "factor, scale, interpolation, fill_value, seed",
        "factor, scale, interpolation, fill_mode, fill_value, value_range, seed", "alpha, seed", "factor, seed",
        "value_range, num_chains, chain_depth, factor, alpha, all_ops, interpolation, seed",
        "value_range, num_ops, factor, interpolation, seed"};
    for (int i = 0; i < keys.length; i++) {
      assertEquals("[" + base + keys[i] + "]", ls.get(i).getConfig().json().keySet().toString(),
          ls.get(i).className());
    }
    // Factors read as Keras reads them, and typed errors for bad ones.
    com.google.gson.JsonArray hue = RandomHue.fromConfig(Config.parse("{\"factor\": 0.3}")).getConfig().get("factor")
        .getAsJsonArray();
    assertEquals(0.0, hue.get(0).getAsDouble(), 0.0, "hue factor f means [0, f]");
    assertEquals(0.3, hue.get(1).getAsDouble(), 0.0);
    com.google.gson.JsonArray sat = RandomSaturation.fromConfig(Config.parse("{\"factor\": 0.4}")).getConfig()
        .get("factor").getAsJsonArray();
    assertEquals(-0.4, sat.get(0).getAsDouble(), 0.0, "saturation factor f means [-f, f], as Keras 3.16 reads it");
    for (String bad : new String[] {"{\"class_name\": \"RandomHue\", \"config\": {\"factor\": 1.5}}",
        "{\"class_name\": \"RandomSaturation\", \"config\": {\"factor\": [2, 3]}}",
        "{\"class_name\": \"RandomPerspective\", \"config\": {\"scale\": 1.5}}",
        "{\"class_name\": \"RandomPerspective\", \"config\": {\"interpolation\": \"cubic\"}}",
        "{\"class_name\": \"RandomElasticTransform\", \"config\": {\"fill_mode\": \"mirror\"}}",
        "{\"class_name\": \"RandomElasticTransform\", \"config\": {\"scale\": \"big\"}}",
        "{\"class_name\": \"MixUp\", \"config\": {\"alpha\": 0}}",
        "{\"class_name\": \"CutMix\", \"config\": {\"factor\": -0.5}}",
        "{\"class_name\": \"AugMix\", \"config\": {\"chain_depth\": \"deep\"}}",
        "{\"class_name\": \"RandAugment\", \"config\": {\"num_ops\": -1}}",
        "{\"class_name\": \"RandomColorJitter\", \"config\": {\"hue_factor\": 2}}"}) {
      assertThrows(ConfigException.class, () -> Serialization.deserialize(JsonParser.parseString(bad), Layer.class),
          bad);
    }
  }
}
