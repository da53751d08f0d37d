package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.layers.rnn.RNN;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real-Keras files of family {@code rnn3} (ConvLSTM1D/2D/3D, {@code RNN} over Keras's cells and
 * {@code StackedRNNCells}, stateful layers; {@code extra/gen_rnn3.py}): each passes
 * {@link ExtraKerasFilesTest}'s checks, and a stateful model reproduces Keras's two consecutive
 * calls (the second starts from the states the first left), again after re-saving.
 */
class Rnn3FilesTest {
  @TempDir
  Path tmp;

  static Stream<Path> files() {
    return Fixtures.extraFiles(".keras").stream().filter(p -> p.getParent().getFileName().toString().equals("rnn3"));
  }

  static Stream<Path> statefulFiles() {
    return files().filter(p -> p.getFileName().toString().startsWith("stateful_"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsPredictsAndSavesLikeKeras(Path keras) throws IOException {
    ExtraKerasFilesTest t = new ExtraKerasFilesTest();
    t.tmp = tmp;
    t.loadsPredictsAndSavesLikeKeras(keras);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statefulFiles")
  void statefulModelKeepsStatesBetweenCalls(Path keras) throws IOException {
    String name = keras.getFileName().toString().replace(".keras", "");
    Map<String, INDArray> io = Npz.read(keras.resolveSibling(name + ".io.npz"));
    Model m = Models.load(keras, KerasFixturesTest.OPTIONS);
    twoCalls(m, io, name);
    // A fresh start after reset_states: the first call's result again.
    resetAll(m);
    KerasModels.assertClose(io.get("y"), m.predictOnBatch(List.of(io.get("x"))).get(0), name + " after reset");

    Path saved = tmp.resolve(name + ".keras");
    KerasFile.save(m, saved);
    twoCalls(Models.load(saved, KerasFixturesTest.OPTIONS), io, name + " (re-loaded)");

    // The batch size is fixed by the Input's batch_shape.
    INDArray x = io.get("x");
    long[] s = x.shape().clone();
    s[0] += 1;
    assertThrows(IncompatibleInputException.class, () -> m.predictOnBatch(List.of(Nd4j.zeros(x.dataType(), s))));
  }

  private static void twoCalls(Model m, Map<String, INDArray> io, String name) {
    KerasModels.assertClose(io.get("y"), m.predictOnBatch(List.of(io.get("x"))).get(0), name + " first call");
    INDArray next = m.predictOnBatch(List.of(io.get("x_next"))).get(0);
    KerasModels.assertClose(io.get("y_next"), next, name + " second call");
  }

  private static void resetAll(Model m) {
    int stateful = 0;
    for (Layer l : m.layers()) {
      if (l instanceof RNN r && r.stateful()) {
        r.resetStates();
        stateful++;
      }
    }
    assertEquals(1, stateful, "stateful layers");
  }
}
