package org.jeras.saving.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jeras.core.callbacks.History;
import org.jeras.core.callbacks.ModelCheckpoint;
import org.jeras.core.model.Model;
import org.jeras.core.testing.LogCapture;
import org.jeras.core.training.FitOptions;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link ModelCheckpoint}: Keras's file templates, best-only logic, save frequency and path checks. */
class ModelCheckpointTest {
  private static final int N = 24;

  @TempDir
  Path tmp;

  private static FitOptions options(int epochs) {
    return FitOptions.defaults().epochs(epochs).batchSize(6).shuffle(false).verbose(0)
        .validationData(CallbackModels.x(N), CallbackModels.y(N));
  }

  @Test
  void fillsTheTemplateFromEpochAndLogsEachEpoch() {
    Model model = CallbackModels.mlp(3);
    String template = tmp.resolve("ckpt-{epoch:02d}-{val_loss:.3f}.keras").toString();
    History h = model.fit(CallbackModels.x(N), CallbackModels.y(N),
        options(3).callbacks(ModelCheckpoint.builder(template).build()));
    List<String> expected = List.of(0, 1, 2).stream()
        .map(e -> String.format(Locale.ROOT, "ckpt-%02d-%.3f.keras", e + 1, h.get("val_loss").get(e)))
        .sorted().collect(Collectors.toList());
    assertEquals(expected, files());
    Model last = Models.load(tmp.resolve(expected.get(2)));
    assertSameWeights(model.getWeights(), last.getWeights());
  }

  @Test
  void saveBestOnlyKeepsTheBestWeightsInMinMode() {
    Model model = CallbackModels.mlp(3);
    Path file = tmp.resolve("best.weights.h5");
    ModelCheckpoint cp = ModelCheckpoint.builder(file.toString()).saveWeightsOnly(true).saveBestOnly(true)
        .monitor("val_loss").mode("min").build();
    cp.setModel(model);
    cp.onTrainBegin(Map.of());
    List<INDArray> w0 = model.getWeights();
    cp.onEpochEnd(0, Map.of("val_loss", 0.5));
    assertTrue(Files.exists(file));
    model.setWeights(perturbed(w0, 1));
    cp.onEpochEnd(1, Map.of("val_loss", 0.7));
    assertSameWeights(w0, loadedWeights(file));
    List<INDArray> w2 = perturbed(w0, 2);
    model.setWeights(w2);
    cp.onEpochEnd(2, Map.of("val_loss", 0.4));
    assertSameWeights(w2, loadedWeights(file));
    assertEquals(0.4, cp.best());
  }

  @Test
  void autoModeMaximizesAccuracyAndTheThresholdMustBeBeaten() {
    Model model = CallbackModels.mlp(3);
    Path file = tmp.resolve("acc.weights.h5");
    ModelCheckpoint cp = ModelCheckpoint.builder(file.toString()).saveWeightsOnly(true).saveBestOnly(true)
        .monitor("val_accuracy").initialValueThreshold(0.6).build();
    cp.setModel(model);
    cp.onTrainBegin(Map.of());
    cp.onEpochEnd(0, Map.of("val_accuracy", 0.5));
    assertFalse(Files.exists(file), "0.5 does not beat the threshold 0.6");
    cp.onEpochEnd(1, Map.of("val_accuracy", 0.8));
    assertTrue(Files.exists(file));
    cp.onEpochEnd(2, Map.of("val_accuracy", 0.7));
    assertEquals(0.8, cp.best());
  }

  @Test
  void warnsAndSavesWhenTheMonitoredKeyIsMissing() {
    Model model = CallbackModels.mlp(3);
    Path file = tmp.resolve("m.keras");
    String log = LogCapture.during(() -> model.fit(CallbackModels.x(N), CallbackModels.y(N),
        FitOptions.defaults().epochs(1).batchSize(6).verbose(0)
            .callbacks(ModelCheckpoint.builder(file.toString()).saveBestOnly(true).build())));
    assertTrue(log.contains("Can save best model only with val_loss available."), log);
    assertTrue(Files.exists(file));
  }

  @Test
  void savesEveryNBatchesAcrossEpochs() {
    Model model = CallbackModels.mlp(3);
    String template = tmp.resolve("e{epoch}-b{batch}.weights.h5").toString();
    model.fit(CallbackModels.x(N), CallbackModels.y(N), options(2)
        .callbacks(ModelCheckpoint.builder(template).saveWeightsOnly(true).saveFreq(3).build()));
    // 4 batches per epoch: global batches 3 and 6 are epoch 1 batch 3 and epoch 2 batch 2.
    assertEquals(List.of("e1-b3.weights.h5", "e2-b2.weights.h5"), files());
  }

  @Test
  void checksTheSuffixAsKeras() {
    IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
        () -> ModelCheckpoint.builder("w.keras").saveWeightsOnly(true).build());
    assertEquals("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in "
        + "`.weights.h5` (Keras weights format). Received: filepath=w.keras", weights.getMessage());
    IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
        () -> new ModelCheckpoint("m.weights.h5"));
    assertEquals("The filepath provided must end in `.keras` (Keras model format). Received: filepath=m.weights.h5",
        model.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.builder("m.keras").saveFreq("often"));
    assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.builder("m.keras").mode("best").build());
  }

  private List<String> files() {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<INDArray> loadedWeights(Path file) {
    Model fresh = CallbackModels.mlp(4);
    fresh.loadWeights(file);
    return fresh.getWeights();
  }

  private static List<INDArray> perturbed(List<INDArray> weights, double delta) {
    return weights.stream().map(w -> w.add(delta)).collect(Collectors.toList());
  }

  private static void assertSameWeights(List<INDArray> expected, List<INDArray> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).data().asFloat(), actual.get(i).data().asFloat(), "weight " + i);
    }
    assertNotEquals(0, expected.size());
  }
}
