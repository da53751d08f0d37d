package org.jeras.layers.preprocessing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.config.Config;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Tensor;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The real-Keras files of extra/augmentation2 (gen_augmentation2.py) predict as Keras does, and the
 * layers whose training output is deterministic reproduce Keras's training output
 * ({@code NAME.training.npz}: x and Keras's {@code layer(x, training=True)}); RandomPerspective's warp
 * reproduces {@code keras.ops.image.perspective_transform} for pinned corners.
 */
class Augmentation2FixtureTest {
  private static final Path DIR = Fixtures.dir().resolve("extra/augmentation2");

  static Stream<Path> files() {
    return Fixtures.extraFiles(".keras").stream().filter(p -> p.getParent().endsWith("augmentation2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void predictsAsKeras(Path keras) throws IOException {
    String name = keras.getFileName().toString().replace(".keras", "");
    Names.reset();
    Model m = Models.load(keras);
    Map<String, INDArray> io = Npz.read(keras.resolveSibling(name + ".io.npz"));
    KerasModels.assertClose(io.get("y"), m.predictOnBatch(java.util.List.of(io.get("x"))).get(0), name);
  }

  private static void training(String name, Layer layer) throws IOException {
    Map<String, INDArray> io = Npz.read(DIR.resolve(name + ".training.npz"));
    KerasModels.assertClose(io.get("y"), layer.apply(Tensor.of(io.get("x")), true).value(), name);
  }

  private static Config config(String json) {
    return Config.parse(json);
  }

  @Test
  void equalizationInTrainingAsKeras() throws IOException {
    training("equalization", Equalization.fromConfig(config("{}")));
    training("equalization_range_bins_cf",
        Equalization.fromConfig(config("{\"value_range\": [1.0, 0.0], \"bins\": 64, \"data_format\": \"channels_first\"}")));
    training("equalization_single", Equalization.fromConfig(config("{\"bins\": 32}")));
  }

  @Test
  void saturationWithAPinnedFactorInTrainingAsKeras() throws IOException {
    training("saturation_pinned", RandomSaturation.fromConfig(config("{\"factor\": [0.7, 0.7], \"value_range\": [0, 1]}")));
    training("saturation_pinned_cf", RandomSaturation.fromConfig(
        config("{\"factor\": [0.3, 0.3], \"value_range\": [0, 1], \"data_format\": \"channels_first\"}")));
  }

  @Test
  void perspectiveWarpAsKeras() throws IOException {
    Map<String, INDArray> io = Npz.read(DIR.resolve("perspective_transform.npz"));
    INDArray start = io.get("start").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    INDArray end = io.get("end").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    double[][] h = new double[(int) start.size(0)][];
    for (int b = 0; b < h.length; b++) {
      double[][] s = new double[4][2];
      double[][] e = new double[4][2];
      for (int k = 0; k < 4; k++) {
        for (int d = 0; d < 2; d++) {
          s[k][d] = start.getDouble(b, k, d);
          e[k][d] = end.getDouble(b, k, d);
        }
      }
      h[b] = RandomPerspective.homography(s, e);
    }
    for (String interpolation : new String[] {"bilinear", "nearest"}) {
      Tensor y = RandomPerspective.warp(Tensor.of(io.get("x")), h, interpolation, 3.0);
      KerasModels.assertClose(io.get(interpolation), y.value(), "perspective_transform " + interpolation);
    }
  }
}
