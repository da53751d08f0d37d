package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasModels;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.DType;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every real-Keras fixture model Jeras runs exports to ONNX, and ONNX Runtime reproduces Jeras's
 * predictions within 1e-5 (abs + rel) at two batch sizes, except the {@link #PENDING} cases, which
 * must still fail to export with the error naming what is missing: the list can only shrink.
 */
class OnnxFixturesTest {
  private static final LoadOptions OPTIONS = LoadOptions.DEFAULT.withCustomObjects(FixtureCustomObjects.classes());

  /**
   * Fixture cases (by name, in both sets) that cannot be exported yet, each with the op its export
   * error names (the first op reached by a value the graph cannot compute, or the op with no ONNX
   * lowering).
   */
  static final Map<String, String> PENDING = Map.ofEntries();

  @TempDir
  Path dir;

  static List<Case> cases() {
    return KerasCases.loadable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exportsAndReproduces(Case c) throws IOException {
    Model model = Models.load(c.keras(), OPTIONS);
    checkExport(c.id(), model, KerasModels.inputs(Npz.read(c.io())), dir, PENDING.get(c.name()));
  }

  /**
   * Exports {@code model} to ONNX in {@code dir} and checks that ONNX Runtime reproduces its
   * predictions on {@code xs} (and on all but its last row), or, for a {@code pending} case, that the
   * export fails with a message containing {@code pending}.
   */
  static void checkExport(String id, Model model, List<INDArray> xs, Path dir, String pending) {
    TensorSpec[] sig = signature(model, xs);
    if (pending != null) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> Exporter.export(model, dir, ExportFormat.ONNX,
          sig), id + " exports now: remove it from the pending list");
      assertTrue(String.valueOf(e.getMessage()).contains(pending), id + ": " + e.getMessage());
      return;
    }
    Exporter.export(model, dir, ExportFormat.ONNX, sig);
    long n = xs.get(0).size(0);
    try (ExportedModel exported = ExportedModel.load(dir)) {
      ExportedEndpoint serve = exported.endpoint("serve");
      for (long batch : n > 1 ? new long[] {n, n - 1} : new long[] {n}) {
        List<INDArray> in = new ArrayList<>();
        for (INDArray x : xs) {
          in.add(x.get(NDArrayIndex.interval(0, batch)).dup());
        }
        List<INDArray> want = model.predictOnBatch(in);
        List<INDArray> got = serve.call(in.toArray(new INDArray[0]));
        assertEquals(want.size(), got.size(), id + ": outputs");
        for (int i = 0; i < want.size(); i++) {
          KerasModels.assertClose(want.get(i), got.get(i), id + " batch " + batch + " output " + i);
        }
      }
    }
  }

  /**
   * The data's sizes on every axis but the batch, with the model's input dtypes (the data's for a
   * model without an input signature, such as a subclassed one).
   */
  static TensorSpec[] signature(Model model, List<INDArray> xs) {
    List<TensorSpec> base = model instanceof Functional || model instanceof Sequential ? Exporter.signature(model)
        : null;
    TensorSpec[] out = new TensorSpec[xs.size()];
    for (int i = 0; i < out.length; i++) {
      long[] shape = xs.get(i).shape().clone();
      shape[0] = -1;
      DType dtype = base != null ? base.get(i).dtype() : DType.of(xs.get(i).dataType());
      out[i] = new TensorSpec("args_" + i, shape, dtype);
    }
    return out;
  }

  /** Every pending case is a fixture case, so the list names nothing stale. */
  @Test
  void pendingCasesExist() {
    for (String name : PENDING.keySet()) {
      assertTrue(cases().stream().anyMatch(c -> c.name().equals(name)), "PENDING names no case " + name);
    }
  }
}
