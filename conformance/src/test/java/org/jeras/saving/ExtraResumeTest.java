package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compiled models Keras trained and saved (resources {@code extra/<family>/NAME.keras} with
 * {@code NAME.resume.npz}): loaded in Jeras and fitted 2 more steps (batch 2, no shuffling) on the
 * npz's x and y, their weights are those Keras had after the same 2 steps. This checks the
 * optimizer, its restored state (iterations, slots, schedule) and the loss of compile_config.
 */
class ExtraResumeTest {
  static Stream<Path> files() throws IOException, URISyntaxException {
    return Fixtures.extraFiles(".resume.npz").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void resumesTrainingLikeKeras(Path resume) throws IOException {
    String name = resume.getFileName().toString().replace(".resume.npz", "");
    Names.reset();
    Model m = Models.load(resume.resolveSibling(name + ".keras"), KerasFixturesTest.OPTIONS);
    Map<String, INDArray> a = Npz.read(resume);
    m.fit(a.get("x"), a.get("y"), FitOptions.defaults().batchSize(2).epochs(1).shuffle(false).verbose(0));
    List<INDArray> weights = m.getWeights();
    assertEquals(a.size() - 2, weights.size(), name + ": number of weights");
    for (int i = 0; i < weights.size(); i++) {
      INDArray expected = a.get("w" + i).castTo(DataType.DOUBLE);
      INDArray actual = weights.get(i).castTo(DataType.DOUBLE);
      assertArrayEquals(expected.shape(), actual.shape(), name + " weight " + i + " shape");
      double[] e = expected.reshape(expected.length()).toDoubleVector();
      double[] g = actual.reshape(actual.length()).toDoubleVector();
      for (int k = 0; k < e.length; k++) {
        double tol = 1e-5 + 1e-5 * Math.abs(e[k]);
        if (Math.abs(e[k] - g[k]) > tol) {
          throw new AssertionError(name + " weight " + i + ": element " + k + " is " + g[k] + ", Keras gives " + e[k]);
        }
      }
    }
  }
}
