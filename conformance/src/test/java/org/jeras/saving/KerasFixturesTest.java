package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every fixture file written by real Keras loads and predicts Keras's own outputs, one test case
 * per file; the expected refusals ({@link KerasCases#REFUSED}) are refused.
 */
public class KerasFixturesTest {
  /** Built-in classes plus the Java counterparts of the fixtures' custom classes and functions. */
  static final LoadOptions OPTIONS = LoadOptions.DEFAULT.withCustomObjects(FixtureCustomObjects.classes());

  public static void checkPredictions(Model m, Map<String, INDArray> io, String what) {
    List<INDArray> ys = KerasModels.outputs(io);
    List<INDArray> got = m.predictOnBatch(KerasModels.inputs(io));
    assertEquals(ys.size(), got.size(), what + ": number of outputs");
    for (int i = 0; i < ys.size(); i++) {
      KerasModels.assertClose(ys.get(i), got.get(i), what + " output " + i);
    }
  }

  /** Every optimizer variable holds what the file stores under {@code optimizer/vars/<i>}. */
  static void checkOptimizerState(Model m, Path keras) throws IOException {
    try (H5Reader r = H5Reader.fromBytes(FixtureCases.zipMember(keras, "model.weights.h5"), keras.toString())) {
      List<Variable> vars = m.optimizer().variables();
      assertEquals(r.keys("optimizer/vars").size(), vars.size(), keras + ": optimizer variables");
      for (int i = 0; i < vars.size(); i++) {
        assertEquals(r.dataset("optimizer/vars/" + i), vars.get(i).array(), keras + ": optimizer/vars/" + i);
      }
    }
  }

  static List<Case> cases() {
    return KerasCases.all();
  }

  /**
   * Each fixture file loads from its {@code .keras} archive and predicts Keras's outputs, with its
   * compile state and optimizer variables; its {@code .weights.h5} loads into the model with the
   * same result. An expected refusal must be refused, naming why.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loadsAndPredicts(Case c) throws IOException {
    if (c.refusal() != null) {
      UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> Models.load(c.keras(), OPTIONS));
      assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("lambda"), e.getMessage());
      return;
    }
    Map<String, INDArray> io = Npz.read(c.io());
    Model m = Models.load(c.keras(), OPTIONS);
    checkPredictions(m, io, c.id() + ".keras");
    assertEquals(c.manifest().get("compiled").getAsBoolean(), m.isCompiled(), c.id() + " compiled");
    if (m.isCompiled() && c.manifest().get("optimizer_built").getAsBoolean()) {
      checkOptimizerState(m, c.keras());
    }
    WeightsFile.load(m, c.weights(), false);
    checkPredictions(m, io, c.id() + ".weights.h5");
  }

  /** The suite cannot shrink: it has one case per file the manifests list as written. */
  @Test
  void everyWrittenFileIsACase() {
    int expected = 0;
    for (String set : KerasCases.SETS) {
      expected += KerasCases.manifest(set).getAsJsonObject("summary").get("ok").getAsInt();
    }
    assertEquals(expected, cases().size());
    for (String refused : KerasCases.REFUSED.keySet()) {
      assertTrue(cases().stream().anyMatch(c -> c.name().equals(refused)), "expected refusal " + refused + " is a case");
    }
  }
}
