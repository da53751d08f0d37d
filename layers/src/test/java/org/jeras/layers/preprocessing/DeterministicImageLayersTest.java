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
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.jeras.layers.pooling.GlobalAveragePooling2D;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Equalization, ContrastLimitedAdaptiveHistogramEqualization, MaxNumBoundingBoxes and Pipeline (whose
 * numbers real-Keras files pin, see conformance's Augmentation2FixtureTest), and every layer of the
 * batch inside a model that trains.
 */
class DeterministicImageLayersTest {
  private static final ValueRange PIXELS = Augmentation2LayersTest.PIXELS;

  @Test
  void equalizationMapsTheCumulativeHistogram() {
    // Four values in four bins: cdf 1..4, cdf_min 1, so 255 (cdf - 1) / 3 = 0, 85, 170, 255.
    INDArray x = Nd4j.createFromArray(new double[] {0, 64, 128, 255}).reshape(1, 2, 2, 1);
    Equalization e = f64(new Equalization(PIXELS, 256, null));
    assertArrayEquals(new double[] {0, 85, 170, 255}, e.apply(Tensor.of(x), true).value().reshape(4).toDoubleVector(),
        0.0);
    assertEquals(x, e.apply(Tensor.of(x), false).value(), "identity in inference, as Keras 3.16");
    INDArray constant = Nd4j.valueArrayOf(new long[] {2, 3, 3, 1}, 40.0, DataType.DOUBLE);
    assertEquals(constant, e.apply(Tensor.of(constant), true).value(), "one bin in use: kept");
    // On [0, 1] with 4 bins, Keras bins v (bins - 1) truncated: 0.1, 0.2 -> 0, 0.6 -> 1, 0.9 -> 2; cdf 2, 3, 4, 4;
    // (cdf - 2) 255 / 2 = 0, 127.5, 255, 255, rounded half to even (128), then mapped back by / 255.
    INDArray unit = Nd4j.createFromArray(new double[] {0.1, 0.2, 0.6, 0.9}).reshape(1, 1, 4, 1);
    INDArray y = f64(new Equalization(ValueRange.of("t", JsonParser.parseString("[0, 1]")), 4, null))
        .apply(Tensor.of(unit), true).value();
    assertArrayEquals(new double[] {0, 0, 128 / 255.0, 1}, y.reshape(4).toDoubleVector(), 1e-12);
    assertThrows(ConfigException.class, () -> new Equalization(PIXELS, 0, null));
  }

  @Test
  void claheKeepsShapesAndRangeAndSpreadsAFlatTile() {
    INDArray x = TestData.uniform(1, 0, 255, 2, 7, 5, 2);
    Layer l = f64(new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 2.0, 3, 2, null));
    INDArray y = l.apply(Tensor.of(x), false).value();
    assertArrayEquals(x.shape(), y.shape());
    assertEquals(y, l.apply(Tensor.of(x), true).value(), "the same in training");
    assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 255);
    INDArray cf = f64(new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 2.0, 3, 2, "channels_first"))
        .apply(Tensor.of(x.permute(0, 3, 1, 2).dup()), false).value();
    assertTrue(cf.permute(0, 2, 3, 1).equalsWithEps(y, 1e-6), "channels-first as channels-last");
    // One tile, no clipping: Keras's cdf_min is the minimum of the whole cdf (0 while bin 0 is empty), so
    // the four values map to 255 (rank + 1) / 4.
    INDArray ramp = Nd4j.createFromArray(new double[] {10, 20, 30, 40}).reshape(1, 2, 2, 1);
    INDArray r = f64(new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 0, 1, 1, null))
        .apply(Tensor.of(ramp), false).value();
    assertArrayEquals(new double[] {63.75, 127.5, 191.25, 255}, r.reshape(4).toDoubleVector(), 1e-4);
    assertThrows(ConfigException.class, () -> ContrastLimitedAdaptiveHistogramEqualization.fromConfig(
        Config.parse("{\"tile_grid_size\": [0, 2]}")));
    assertThrows(ConfigException.class, () -> ContrastLimitedAdaptiveHistogramEqualization.fromConfig(
        Config.parse("{\"tile_grid_size\": 8}")));
  }

  @Test
  void maxNumBoundingBoxesCutsAndPads() {
    MaxNumBoundingBoxes m = new MaxNumBoundingBoxes(3, -1, null);
    INDArray boxes = Nd4j.arange(2 * 5 * 4).castTo(DataType.FLOAT).reshape(2, 5, 4);
    INDArray cut = m.boxes(boxes);
    assertArrayEquals(new long[] {2, 3, 4}, cut.shape());
    assertEquals(boxes.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)), cut);
    INDArray padded = m.labels(Nd4j.createFromArray(new float[][] {{7}, {8}}));
    assertArrayEquals(new float[] {7, -1, -1, 8, -1, -1}, padded.reshape(6).toFloatVector(), 0f);
    INDArray x = TestData.uniform(2, 0, 255, 1, 3, 3, 3);
    assertEquals(x, f64(m).apply(Tensor.of(x), true).value(), "images pass through");
    assertThrows(ConfigException.class, () -> m.boxes(Nd4j.zeros(2, 5, 3)));
    assertThrows(ConfigException.class, () -> MaxNumBoundingBoxes.fromConfig(Config.parse("{}")));
    assertEquals("[name, trainable, dtype, data_format, max_number]", m.getConfig().json().keySet().toString());
  }

  @Test
  void pipelineChainsItsLayersAndPassesTrainingOn() {
    INDArray x = TestData.uniform(3, 0, 255, 2, 4, 4, 3);
    Pipeline p = f64(new Pipeline(List.of(f64(new Rescaling(2, 0)), f64(new Rescaling(3, 1)))));
    assertTrue(x.mul(6).add(1).equalsWithEps(p.apply(Tensor.of(x), false).value(), 1e-9));
    Pipeline flip = new Pipeline(List.of(f64(new RandomFlip("horizontal", 1L, null))));
    assertEquals(x, f64(flip).apply(Tensor.of(x), false).value());
    INDArray flipped = TestData.uniform(4, 0, 255, 64, 2, 2, 1);
    assertNotEquals(flipped, f64(flip).apply(Tensor.of(flipped), true).value(), "training reaches the layers");
    assertEquals("[layers, name]", p.getConfig().json().keySet().toString(), "Keras's Pipeline config");
    Layer back = Serialization.deserialize(Serialization.serialize(p), Layer.class);
    assertEquals(p.getConfig(), back.getConfig());
    assertThrows(ConfigException.class, () -> Pipeline.fromConfig(Config.parse("{\"layers\": 3}")));
  }

  @Test
  void gradientsAndConfigs() {
    INDArray x = TestData.uniform(5, 0, 255, 2, 4, 4, 3);
    GradCheck.check(t -> f64(new Equalization(PIXELS, 256, null)).apply(t.get(0), false), x);
    GradCheck.check(t -> f64(new Equalization(PIXELS, 256, null)).apply(t.get(0), true), x);
    GradCheck.check(t -> f64(new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 4, 2, 2, null))
        .apply(t.get(0), false), x);
    GradCheck.check(t -> f64(new MaxNumBoundingBoxes(2, -1, null)).apply(t.get(0), true), x);
    // Pipeline keeps its layers' own dtypes (as Keras's): float64 set on each for the finite differences.
    GradCheck.check(t -> f64(new Pipeline(List.of(f64(new Rescaling(0.5, 1)), f64(new RandomContrast(0.3, 2L)))))
        .apply(t.get(0), true), x);
    for (Layer l : List.<Layer>of(new Equalization(ValueRange.of("t", JsonParser.parseString("[1, 0]")), 64,
        "channels_first"), new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 2, 3, 4, null),
        new MaxNumBoundingBoxes(4, -1, null), new Pipeline(List.of(new AutoContrast(PIXELS, null))))) {
      assertEquals(l.getConfig(), Serialization.deserialize(Serialization.serialize(l), Layer.class).getConfig(),
          l.className());
    }
    String base = "name, trainable, dtype, data_format, ";
    assertEquals("[" + base + "bins, value_range]", new Equalization(PIXELS, 8, null).getConfig().json().keySet()
        .toString());
    assertEquals("[" + base + "value_range, clip_limit, tile_grid_size]",
        new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 2, 3, 4, null).getConfig().json().keySet().toString());
  }

  @Test
  void eachLayerTrainsInAModel() {
    List<Layer> layers = List.of(new Equalization(PIXELS, 256, null),
        new ContrastLimitedAdaptiveHistogramEqualization(PIXELS, 4, 2, 2, null), new MaxNumBoundingBoxes(2, -1, null),
        new Pipeline(List.of(new Rescaling(1, 0), new RandomFlip("horizontal", 1L, null))),
        new RandomHue(new FactorRange(0, 0.5), PIXELS, null, 1L),
        new RandomSaturation(new FactorRange(0.2, 0.8), PIXELS, null, 2L),
        new RandomColorJitter(PIXELS, new JsonPrimitive(0.2), new JsonPrimitive(0.3), null, null, 3L, null),
        new RandomPerspective(new FactorRange(0, 1), 0.5, "bilinear", 0, 4L, null),
        new RandomElasticTransform(new FactorRange(0, 1), new FactorRange(0.5, 1), "bilinear", "reflect", 0, PIXELS,
            5L, null),
        new MixUp(0.4, null, 6L), new CutMix(new FactorRange(0, 1), 7L, null),
        new AugMix(PIXELS, 2, new JsonPrimitive(2), new FactorRange(0, 0.5), 1.0, true, "bilinear", 8L, null),
        new RandAugment(PIXELS, 2, new FactorRange(0, 0.5), "bilinear", 9L, null));
    INDArray x = TestData.uniform(6, 0, 255, 8, 6, 6, 3).castTo(DataType.FLOAT);
    INDArray y = TestData.uniform(7, -1, 1, 8, 1).castTo(DataType.FLOAT);
    for (Layer l : layers) {
      Sequential model = new Sequential();
      model.add(Input.of(6, 6, 3));
      model.add(l);
      model.add(new GlobalAveragePooling2D());
      model.add(new Dense(1));
      model.compile(new SGD(1e-5), "mse");
      List<INDArray> before = model.getWeights().stream().map(INDArray::dup).toList();
      Map<String, List<Double>> h = model.fit(x, y, FitOptions.defaults().epochs(2).batchSize(4).verbose(0))
          .history();
      for (double loss : h.get("loss")) {
        assertTrue(Double.isFinite(loss), l.className() + " loss " + loss);
      }
      assertNotEquals(before.get(0), model.getWeights().get(0), l.className() + ": the dense kernel moved");
    }
  }
}
