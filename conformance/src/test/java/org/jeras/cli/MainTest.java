package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class MainTest {
  @TempDir
  Path tmp;

  /** The fixture files a plain {@code jeras predict} loads: all but those needing custom classes. */
  static List<Case> predictCases() {
    return KerasCases.loadable().stream().filter(c -> !c.needsCustomObjects()).toList();
  }

  /** {@code jeras predict} on each fixture file (torch and jax) reproduces Keras's y. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("predictCases")
  void predictMatchesKeras(Case c) throws Exception {
    Path out = tmp.resolve(c.name() + ".out.npz");
    CliRun r = CliRun.of("predict", c.keras().toString(), "--input", c.io().toString(), "--output", out.toString());
    assertEquals(0, r.status(), c.id() + ": " + r.err());
    Map<String, INDArray> expected = Npz.read(c.io());
    Map<String, INDArray> got = Npz.read(out);
    for (Map.Entry<String, INDArray> y : expected.entrySet()) {
      if (!y.getKey().startsWith("y")) {
        continue;
      }
      INDArray g = got.get(y.getKey());
      assertTrue(g != null, c.id() + ": no " + y.getKey());
      KerasModels.assertClose(y.getValue(), g, c.id() + " " + y.getKey());
    }
  }

  @Test
  void summaryPrintsKerasTable() {
    CliRun r = CliRun.of("summary", Fixtures.file("opt_adam_cce.keras").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("┃ Layer (type)"), r.out());
    assertTrue(r.out().contains("(None, 16)"), r.out());
    // As Keras prints it after load_model (compiled, so the built optimizer's variables count).
    assertTrue(r.out().contains(" Total params: 587 (2.29 KB)\n Trainable params: 195 (780.00 B)\n"
        + " Non-trainable params: 0 (0.00 B)\n Optimizer params: 392 (1.53 KB)\n"), r.out());
  }

  @Test
  void inspectListsMembersConfigAndWeights() {
    CliRun r = CliRun.of("inspect", Fixtures.file("func_multi_io.keras").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  model.weights.h5"), r.out());
    assertTrue(r.out().contains("Functional \"multi_io\" [Functional]"), r.out());
    assertTrue(r.out().contains("layers/dense_2/vars/0 [24, 8] float32"), r.out());
    assertTrue(r.out().contains("optimizer/vars/0 [] int32"), r.out());
  }

  @Test
  void resaveWritesALoadableFile() throws Exception {
    Path out = tmp.resolve("resaved.keras");
    CliRun r = CliRun.of("resave", Fixtures.file("opt_adam_cce.keras").toString(), out.toString());
    assertEquals(0, r.status(), r.err());
    Path pred = tmp.resolve("p.npz");
    assertEquals(0, CliRun.of("predict", out.toString(), "--input", Fixtures.file("opt_adam_cce.io.npz").toString(), "--output", pred.toString()).status());
    INDArray y = Npz.read(Fixtures.file("opt_adam_cce.io.npz")).get("y");
    assertTrue(Npz.read(pred).get("y").equalsWithEps(y, 1e-5));
  }

  @Test
  void errorsAreOneLineWithNonZeroStatus() {
    CliRun missing = CliRun.of("summary", tmp.resolve("nope.keras").toString());
    assertEquals(1, missing.status());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertEquals(2, CliRun.of("frobnicate").status());
    assertEquals(2, CliRun.of("predict", "a.keras").status());
    CliRun unsafe = CliRun.of("predict", Fixtures.file("lambda_unsafe.keras").toString(), "--input",
        Fixtures.file("lambda_unsafe.io.npz").toString(), "--output", tmp.resolve("u.npz").toString());
    assertEquals(1, unsafe.status());
    assertTrue(unsafe.err().toLowerCase().contains("safe"), unsafe.err());
  }
}
