package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageAndNormalizationFixtureTest {
  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -0.5, 0.5, shape);
  }

  @Test
  void fixturesMatchKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "pre_image");
      KerasModels.assertReproduces(dir + "pre_normalization");
    }
    assertEquals(5, KerasModels.assertLayerConfigsRoundTrip("pre_image", Set.of("Rescaling", "CenterCrop", "Resizing")));
    assertEquals(3, KerasModels.assertLayerConfigsRoundTrip("pre_normalization", Set.of("Normalization")));
  }

  @Test
  void normalizationStateVariables() {
    Normalization n = new Normalization(-1);
    INDArray data = rand(1, 64, 4).muli(3).addi(1);
    n.adapt(data);
    List<Variable> vars = n.ownVariables();
    assertEquals(List.of("mean", "variance", "count"), vars.stream().map(Variable::name).toList());
    assertEquals(DType.INT32, vars.get(2).dtype());
    assertEquals(0, vars.get(2).array().getInt(0));
    assertEquals(0, n.trainableWeights().size());
    KerasModels.assertClose(data.mean(0), vars.get(0).array(), "mean");
    KerasModels.assertClose(data.var(false, 0), vars.get(1).array(), "biased variance");
    INDArray out = n.apply(Tensor.of(data.castTo(DataType.FLOAT))).value();
    KerasModels.assertClose(Nd4j.zeros(4), out.mean(0), "standardized mean");
    // Two kept axes, one global statistic, a given scalar.
    Normalization two = new Normalization(1, 2);
    two.adapt(rand(2, 5, 2, 3));
    assertEquals(List.of(2L, 3L), List.of(two.ownVariables().get(0).array().shape()[0], 3L));
    Normalization global = new Normalization(new int[0], null, null, false);
    global.adapt(rand(3, 5, 2));
    assertEquals(0, global.ownVariables().get(0).array().rank());
    Normalization given = new Normalization(new int[] {-1}, Nd4j.scalar(2.0), Nd4j.scalar(4.0), false);
    KerasModels.assertClose(Nd4j.create(new double[][] {{0, 1}}),
        given.apply(Tensor.of(Nd4j.create(new double[][] {{2, 4}}))).value(), "scalar stats");
    assertEquals(0, given.weights().size());
    assertThrows(ConfigException.class, () -> new Normalization(new int[] {-1}, Nd4j.scalar(1.0), null, false));
  }

  @Test
  void resizeMatrices() {
    // Upscaling 2 -> 4 with half-pixel centers: sources -0.25 (clamped), 0.25, 0.75, 1.25.
    INDArray m = ImageResize.matrix(2, 4, "bilinear", DataType.DOUBLE);
    KerasModels.assertClose(Nd4j.create(new double[][] {{1, 0}, {0.75, 0.25}, {0.25, 0.75}, {0, 1}}), m, "bilinear");
    INDArray nn = ImageResize.matrix(3, 2, "nearest", DataType.DOUBLE);
    KerasModels.assertClose(Nd4j.create(new double[][] {{1, 0, 0}, {0, 0, 1}}), nn, "nearest");
    // Padding to the aspect ratio: 2x4 image to 4x4 pads one row of fill_value above and below.
    Resizing pad = f64(new Resizing(4, 4, "nearest", false, true, "constant", 7.0, "channels_last"));
    INDArray img = rand(3, 1, 2, 4, 1);
    INDArray out = pad.apply(Tensor.of(img)).value();
    assertEquals(7.0, out.getDouble(0, 0, 2, 0), 0);
    assertEquals(img.getDouble(0, 1, 3, 0), out.getDouble(0, 2, 3, 0), 0);
    // Channels-first and unbatched images; a target larger than the image in CenterCrop resizes.
    assertEquals(List.of(3L, 5L, 4L), List.of(f64(new Resizing(5, 4, "bilinear", false, false, "constant", 0, "channels_first"))
        .apply(Tensor.of(rand(4, 3, 2, 2))).value().shape()[0], 5L, 4L));
    INDArray big = f64(new CenterCrop(6, 6)).apply(Tensor.of(rand(5, 1, 4, 4, 2))).value();
    assertEquals(List.of(1L, 6L, 6L, 2L), List.of(big.size(0), big.size(1), big.size(2), big.size(3)));
    // Integer images keep their dtype: the 2x1 -> 4x1 bilinear row (0, 255) gives 0, 64, 191, 255.
    INDArray ints = Nd4j.createFromArray(new int[] {0, 255}).reshape(1, 2, 1, 1);
    INDArray up = new Resizing(4, 1).apply(Tensor.of(ints)).value();
    assertEquals(DataType.INT, up.dataType());
    assertArrayEquals(new int[] {0, 64, 191, 255}, up.reshape(4).toIntVector());
    assertThrows(ConfigException.class, () -> new Resizing(2, 2, "lanczos3", false, false, "constant", 0, "channels_last"));
  }
}
