package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect}, {@code --help} and {@code --version} start no ND4J: run in a fresh JVM with class
 * loading logged, neither ND4J's factory nor JavaCPP's native loader is ever loaded (so never
 * initialized), which keeps these commands at JVM start-up cost.
 */
class InspectStartupTest {
  private static final List<String> NATIVE_STARTERS = List.of(
      "org.nd4j.linalg.factory.Nd4j ", "org.nd4j.linalg.factory.Nd4jBackend ", "org.bytedeco.javacpp.Loader ");

  @TempDir
  Path tmp;

  private static String childJvm(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void inspectHelpAndVersionLoadNoNativeCode() throws Exception {
    Path model = CliRun.denseModel(tmp, "m.keras");
    String inspect = childJvm("inspect", model.toString());
    assertTrue(inspect.contains("layers/dense/vars/0 [8, 4] float32"), inspect);
    // The probe itself: the same log shows them for a command that does run a model.
    String summary = childJvm("summary", model.toString());
    for (String c : NATIVE_STARTERS) {
      assertFalse(inspect.contains(c), c + " loaded by inspect");
      assertTrue(summary.contains(c), c + " not seen even for summary: the probe is broken");
    }
    for (String[] args : new String[][] {{"--help"}, {"--version"}, {"export", "--help"}, {"bench", "--help"}}) {
      String out = childJvm(args);
      for (String c : NATIVE_STARTERS) {
        assertFalse(out.contains(c), c + " loaded by " + String.join(" ", args));
      }
    }
  }
}
