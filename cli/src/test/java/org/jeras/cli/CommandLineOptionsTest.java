package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** picocli's command line: help per command, version, options in any order, usage errors. */
class CommandLineOptionsTest {
  @TempDir
  Path tmp;

  @Test
  void everyCommandHasHelpWithItsDescription() {
    String[][] commands = {
        {"summary", "summary table"}, {"inspect", "zip members"}, {"predict", "--input"},
        {"resave", "save it again"}, {"export", "--format"}, {"bench", "--iterations"}};
    for (String[] c : commands) {
      CliRun r = CliRun.of(c[0], "--help");
      assertEquals(0, r.status(), c[0] + ": " + r.err());
      assertTrue(r.out().contains("Usage: jeras " + c[0]), r.out());
      assertTrue(r.out().contains(c[1]), c[0] + ": " + r.out());
    }
    CliRun top = CliRun.of("--help");
    assertEquals(0, top.status());
    for (String[] c : commands) {
      assertTrue(top.out().contains("  " + c[0]), top.out());
    }
  }

  @Test
  void versionIsTheProjectVersion() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().matches("jeras \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    assertEquals(r.out(), CliRun.of("summary", "--version").out());
  }

  @Test
  void optionsComeInAnyOrderAndUnsafeWarns() throws Exception {
    Path model = CliRun.denseModel(tmp, "m.keras");
    CliRun after = CliRun.of("summary", model.toString(), "--unsafe");
    CliRun before = CliRun.of("summary", "--no-safe-mode", model.toString());
    assertEquals(0, after.status(), after.err());
    assertEquals(0, before.status(), before.err());
    assertEquals(after.out(), before.out());
    assertTrue(after.err().contains("warning: safe mode is off"), after.err());
    CliRun safe = CliRun.of("summary", model.toString());
    assertEquals("", safe.err());
    assertEquals(after.out(), safe.out());

    Path out = tmp.resolve("p.npz");
    Path in = tmp.resolve("in.npz");
    org.jeras.core.io.Npz.write(in, java.util.Map.of("x", org.nd4j.linalg.factory.Nd4j.ones(2, 8)));
    CliRun predict = CliRun.of("predict", "--output", out.toString(), model.toString(), "--input", in.toString());
    assertEquals(0, predict.status(), predict.err());
  }

  @Test
  void malformedCommandLinesAreUsageErrors() {
    Path model = CliRun.denseModel(tmp, "m.keras");
    String[][] bad = {
        {}, {"frobnicate"}, {"summary"}, {"summary", model.toString(), "--frobnicate"},
        {"predict", model.toString(), "--input", "in.npz"}, {"resave", model.toString()},
        {"export", model.toString(), tmp.resolve("o").toString(), "--format", "tflite"},
        {"bench", model.toString(), "--batch", "one"}, {"bench", model.toString(), "--iterations"}};
    for (String[] args : bad) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("jeras: "), r.err());
      assertTrue(r.err().contains("Usage: jeras"), r.err());
      assertEquals("", r.out());
    }
  }
}
