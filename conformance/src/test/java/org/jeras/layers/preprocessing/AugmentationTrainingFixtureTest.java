package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.FitOptions;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real-Keras "image classification from scratch" model (extra/augmentation) trains in Jeras
 * with its data_augmentation Sequential active: the augmentation changes images in training only,
 * and a fit with the file's compile_config runs and moves the weights.
 */
class AugmentationTrainingFixtureTest {
  @Test
  void trainsWithAugmentationActive() throws IOException {
    Path file = Fixtures.dir().resolve("extra/augmentation/image_classification_small.keras");
    Names.reset();
    Model m = Models.load(file);
    Map<String, INDArray> io = Npz.read(file.resolveSibling("image_classification_small.io.npz"));
    INDArray x = io.get("x");
    Layer augmentation = m.getLayer("data_augmentation");
    assertEquals(x, augmentation.apply(Tensor.of(x), false).value(), "identity in inference");
    INDArray augmented = augmentation.apply(Tensor.of(x), true).value();
    assertArrayEquals(x.shape(), augmented.shape());
    assertNotEquals(x, augmented, "random in training");
    assertTrue(augmented.minNumber().doubleValue() >= 0 && augmented.maxNumber().doubleValue() <= 255,
        "RandomContrast and RandomBrightness clip to value_range (0, 255)");

    List<INDArray> before = m.getWeights().stream().map(INDArray::dup).toList();
    INDArray y = Nd4j.createFromArray(new float[][] {{0}, {1}});
    Map<String, List<Double>> logs = m.fit(x, y, FitOptions.defaults().batchSize(2).epochs(2).verbose(0)).history();
    for (double loss : logs.get("loss")) {
      assertTrue(Double.isFinite(loss), "loss " + loss);
    }
    List<INDArray> after = m.getWeights();
    assertNotEquals(before.get(0), after.get(0), "the entry convolution's kernel moved");
  }
}
