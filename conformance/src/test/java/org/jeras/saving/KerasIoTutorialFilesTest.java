package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.random.Seeds;
import org.jeras.core.training.Dataset;
import org.jeras.core.training.FitOptions;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Structures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compiled models shaped like the keras.io tutorials, written by real Keras (resources
 * {@code kerasio/NAME.keras} with {@code NAME.io.npz}, from {@code kerasio/gen_kerasio.py}): each
 * loads compiled, reproduces Keras's predictions, saves back as Keras wrote it and re-loads, and
 * fine-tunes with its own compile_config (optimizer and loss) on the npz's x and targets t.
 */
class KerasIoTutorialFilesTest {
  /** Full-batch optimizer steps of the fine-tuning check. */
  private static final int STEPS = 5;

  /** Global seed of every fine-tuning run, so that runs draw the same random masks. */
  private static final long SEED = 1234;

  @TempDir
  Path tmp;

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.dir().resolve("kerasio"))) {
      return s.filter(p -> p.toString().endsWith(".keras")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsPredictsSavesAndReloadsLikeKeras(Path keras) throws IOException {
    String name = keras.getFileName().toString().replace(".keras", "");
    Names.reset();
    Model m = Models.load(keras, KerasFixturesTest.OPTIONS);
    assertTrue(m.isCompiled(), name + ": saved compiled, loads compiled");
    Map<String, INDArray> io = Npz.read(keras.resolveSibling(name + ".io.npz"));
    KerasFixturesTest.checkPredictions(m, io, name);

    Path saved = tmp.resolve(name + ".keras");
    KerasFile.save(m, saved);
    assertEquals(KerasSaveRoundTripTest.members(keras), KerasSaveRoundTripTest.members(saved), name + ": zip members");
    KerasSaveRoundTripTest.assertSameConfig(keras, saved, name);
    H5Structures expected = H5Structures.of(FixtureCases.zipMember(keras, "model.weights.h5"), name);
    H5Structures actual = H5Structures.of(FixtureCases.zipMember(saved, "model.weights.h5"), name + " (saved)");
    assertEquals(expected.lines(), actual.lines(), name + ": model.weights.h5 structure");
    expected.assertSameValues(actual, name);
    KerasFixturesTest.checkPredictions(Models.load(saved, KerasFixturesTest.OPTIONS), io, name + " (re-loaded)");
  }

  /**
   * {@value #STEPS} full-batch {@code fit} steps with the file's optimizer and loss lower the
   * training loss. The loss is the one {@code fit} reports for a step (training mode, before the
   * update), taken for the loaded weights and for the fine-tuned ones under the same random draws
   * (same global seed, so dropout and augmentation layers draw the same masks), so that only the
   * weights differ. Training mode, because batch normalization then uses batch statistics, which
   * its moving statistics lag behind after a few steps.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void fineTunesWithItsCompileConfig(Path keras) throws IOException {
    String name = keras.getFileName().toString().replace(".keras", "");
    Map<String, INDArray> io = Npz.read(keras.resolveSibling(name + ".io.npz"));
    List<INDArray> x = KerasModels.inputs(io);
    Dataset data = new Dataset(x, targets(io), null);
    int n = (int) x.get(0).size(0);

    FitOptions oneEpochPerStep = FitOptions.defaults().batchSize(n).shuffle(false).verbose(0);
    Model tuned = seededLoad(keras);
    List<Double> steps = tuned.fit(data, oneEpochPerStep.epochs(STEPS)).get("loss");
    assertTrue(steps.stream().allMatch(Double::isFinite), name + ": losses " + steps);
    double before = seededLoad(keras).fit(data, oneEpochPerStep.epochs(1)).get("loss").get(0);
    Model after = seededLoad(keras);
    after.setWeights(tuned.getWeights());
    double lossAfter = after.fit(data, oneEpochPerStep.epochs(1)).get("loss").get(0);
    assertEquals(steps.get(0), before, 0.0, name + ": the same random draws give the same first loss");
    assertTrue(lossAfter < before, name + ": loss after " + STEPS + " steps " + lossAfter + " is not below "
        + before + " (step losses " + steps + ")");
  }

  /** Loads {@code keras} under a fixed global seed, so that its random layers draw the same masks each time. */
  private static Model seededLoad(Path keras) throws IOException {
    Names.reset();
    Seeds.setGlobalSeed(SEED);
    return Models.load(keras, KerasFixturesTest.OPTIONS);
  }

  private static List<INDArray> targets(Map<String, INDArray> io) {
    if (io.containsKey("t")) {
      return List.of(io.get("t"));
    }
    List<INDArray> out = new java.util.ArrayList<>();
    for (int i = 0; io.containsKey("t" + i); i++) {
      out.add(io.get("t" + i));
    }
    assertTrue(!out.isEmpty(), "io.npz has no targets t or t0, t1, ...");
    return out;
  }

  /** The walk finds exactly the files {@code kerasio/cases.txt} lists, so a lost file fails the suite. */
  @Test
  void everyListedFileIsACase() throws IOException {
    Path root = Fixtures.dir().resolve("kerasio");
    List<String> listed = Files.readAllLines(root.resolve("cases.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
    List<String> walked = files().map(p -> p.getFileName().toString()).sorted().toList();
    assertEquals(listed, walked);
    assertTrue(walked.size() >= 20, "at least 20 tutorial files, found " + walked.size());
  }
}
