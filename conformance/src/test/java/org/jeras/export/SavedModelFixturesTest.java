package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasModels;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;

/**
 * Every real-Keras fixture model Jeras runs exports to a TensorFlow SavedModel whose files parse
 * back, with one checkpoint entry per saved variable holding its shape and bytes, except the
 * {@link #PENDING} cases, which must still fail with the error naming what is missing (the list
 * can only shrink). With {@code -Djeras.keepSavedModels=DIR} each export is kept as
 * {@code DIR/<case>/model} beside {@code DIR/<case>/io.npz} (inputs {@code x0..}, Jeras's
 * predictions {@code y0..}) for {@code export/src/test/python/check_saved_model.py}, which loads
 * them in TensorFlow.
 */
class SavedModelFixturesTest {
  private static final LoadOptions OPTIONS = LoadOptions.DEFAULT.withCustomObjects(FixtureCustomObjects.classes());

  /**
   * Fixture cases (by name, in both sets) that cannot be exported yet, each with what its export error
   * names: ONNX's pending cases, whose tracing fails before any lowering.
   */
  static final Map<String, String> PENDING = new LinkedHashMap<>(OnnxFixturesTest.PENDING);

  @TempDir
  Path dir;

  static List<Case> cases() {
    return KerasCases.loadable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exportsAndParsesBack(Case c) throws IOException {
    Model model = Models.load(c.keras(), OPTIONS);
    List<INDArray> xs = KerasModels.inputs(Npz.read(c.io()));
    TensorSpec[] sig = OnnxFixturesTest.signature(model, xs);
    String pending = PENDING.get(c.name());
    if (pending != null) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> Exporter.export(model, dir,
          ExportFormat.TF_SAVED_MODEL, sig), c.id() + " exports now: remove it from PENDING");
      assertTrue(String.valueOf(e.getMessage()).contains(pending), c.id() + ": " + e.getMessage());
      return;
    }
    Exporter.export(model, dir, ExportFormat.TF_SAVED_MODEL, sig);
    SavedModel saved = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
    Map<String, TfCheckpoint.Read> ckpt = TfCheckpoint.read(dir.resolve("variables/variables"));
    int vars = 0;
    for (SavedObject o : saved.getMetaGraphs(0).getObjectGraphDef().getNodesList()) {
      if (o.hasVariable()) {
        TfCheckpoint.Read r = ckpt.get(SavedModelWriter.checkpointKey(vars++));
        assertTrue(r != null, c.id() + ": variable " + o.getVariable().getName() + " is not in the checkpoint");
        assertEquals(o.getVariable().getShape(), r.entry().getShape(), c.id() + ": " + o.getVariable().getName());
      }
    }
    assertEquals(vars + 2, ckpt.size(), c.id() + ": the header, the object graph and one entry per variable");
    assertTrue(saved.getMetaGraphs(0).getSignatureDefMap().containsKey("serving_default"), c.id());
    keep(c, model, xs);
  }

  /** Keeps the export with the inputs and Jeras's predictions for the Python check (when asked to). */
  private void keep(Case c, Model model, List<INDArray> xs) throws IOException {
    if (System.getProperty("jeras.keepSavedModels") == null) {
      return;
    }
    Map<String, INDArray> io = new LinkedHashMap<>();
    for (int i = 0; i < xs.size(); i++) {
      io.put("x" + i, xs.get(i));
    }
    List<INDArray> ys = model.predictOnBatch(xs);
    for (int i = 0; i < ys.size(); i++) {
      io.put("y" + i, ys.get(i));
    }
    KeptSavedModels.keep(dir, c.id().replace('/', '_'), "serve", io);
  }

  /** Every pending case is a fixture case, so the list names nothing stale. */
  @Test
  void pendingCasesExist() {
    for (String name : PENDING.keySet()) {
      assertTrue(cases().stream().anyMatch(c -> c.name().equals(name)), "PENDING names no case " + name);
    }
  }
}
