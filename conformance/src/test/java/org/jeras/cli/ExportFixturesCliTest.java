package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jeras.conformance.KerasCases.Case;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jeras export} on every fixture file a plain {@code jeras} loads (those needing custom
 * classes export through the API in {@code OnnxFixturesTest} and {@code SavedModelFixturesTest}), in
 * both formats: exit 0, Keras's endpoint listing, and the artifact's files. What the artifacts compute
 * is checked by those tests (ONNX Runtime) and by {@code check_saved_model.py} (TensorFlow).
 */
class ExportFixturesCliTest {
  @TempDir
  Path tmp;

  static java.util.List<Case> cases() {
    return MainTest.predictCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exportsInBothFormats(Case c) {
    Path onnx = tmp.resolve("onnx");
    CliRun r = CliRun.of("export", c.keras().toString(), onnx.toString());
    assertEquals(0, r.status(), c.id() + ": " + r.err());
    assertTrue(r.out().contains("Endpoint 'serve'"), r.out());
    assertTrue(Files.isRegularFile(onnx.resolve("serve.onnx")), c.id() + ": no serve.onnx");
    Path saved = tmp.resolve("saved");
    r = CliRun.of("export", c.keras().toString(), saved.toString(), "--format", "tf_saved_model");
    assertEquals(0, r.status(), c.id() + ": " + r.err());
    assertTrue(r.out().contains("Endpoint 'serve'"), r.out());
    assertTrue(Files.isRegularFile(saved.resolve("saved_model.pb")), c.id() + ": no saved_model.pb");
    assertTrue(Files.isRegularFile(saved.resolve("variables/variables.index")), c.id() + ": no variables.index");
  }
}
