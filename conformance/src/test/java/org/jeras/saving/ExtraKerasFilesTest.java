package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Structures;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * More files written by real Keras (resources {@code extra/<family>/NAME.keras} with
 * {@code NAME.io.npz}, each family from its {@code gen_<family>.py} beside the files): layer
 * arguments the shared fixtures leave at their defaults. Each loads, reproduces Keras's
 * predictions, and saves back with Keras's zip members, config.json and HDF5 layout and values.
 */
class ExtraKerasFilesTest {
  @TempDir
  Path tmp;

  static Stream<Path> files() {
    return Fixtures.extraFiles(".keras").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsPredictsAndSavesLikeKeras(Path keras) throws IOException {
    String name = keras.getFileName().toString().replace(".keras", "");
    Names.reset();
    Model m = Models.load(keras, KerasFixturesTest.OPTIONS);
    Map<String, INDArray> io = Npz.read(keras.resolveSibling(name + ".io.npz"));
    KerasFixturesTest.checkPredictions(m, io, name);

    Path saved = tmp.resolve(name + ".keras");
    KerasFile.save(m, saved);
    KeptFiles.keep(saved, "extra-" + keras.getParent().getFileName() + "-jax", name);
    assertEquals(KerasSaveRoundTripTest.members(keras), KerasSaveRoundTripTest.members(saved), name + ": zip members");
    KerasSaveRoundTripTest.assertSameConfig(keras, saved, name);
    H5Structures expected = H5Structures.of(FixtureCases.zipMember(keras, "model.weights.h5"), name);
    H5Structures actual = H5Structures.of(FixtureCases.zipMember(saved, "model.weights.h5"), name + " (saved)");
    assertEquals(expected.lines(), actual.lines(), name + ": model.weights.h5 structure");
    expected.assertSameValues(actual, name);
    KerasFixturesTest.checkPredictions(Models.load(saved, KerasFixturesTest.OPTIONS), io, name + " (re-loaded)");
    assertTrue(Files.size(saved) > 0);
  }

  /** The walk finds exactly the files {@code extra/cases.txt} lists, so a lost file fails the suite. */
  @Test
  void everyListedFileIsACase() throws IOException, URISyntaxException {
    Path root = Fixtures.dir().resolve("extra");
    List<String> listed = Files.readAllLines(root.resolve("cases.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
    List<String> walked = files().map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    assertEquals(listed, walked);
  }
}
