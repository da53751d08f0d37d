package org.jeras.conformance.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link WrongInputShapes} over every fixture model in a JVM of its own: a native crash (the
 * SIGSEGV a too-wide batch once caused in OpenBLAS) shows up as this test failing with the child's
 * exit status and output, not as the build's JVM dying. The seed is fixed for reproducibility;
 * {@code -Djeras.inputs.seed=N} tries another.
 */
public class WrongInputShapesTest {
  @Test
  void everyFixtureModelRefusesWrongShapesOrComputesTheRightResult() throws IOException, InterruptedException {
    String seed = System.getProperty("jeras.inputs.seed", "9");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx3g");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(WrongInputShapes.class.getName());
    cmd.add(seed);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), "the child JVM did not finish");
    String log = new String(out, StandardCharsets.UTF_8);
    String failures = log.lines().filter(l -> l.startsWith("FAIL") || l.startsWith("CHECKED")).reduce("", (a, b) -> a + b + "\n");
    assertEquals(0, p.exitValue(), "child JVM exit status " + p.exitValue() + (p.exitValue() > 128
        ? " (killed by signal " + (p.exitValue() - 128) + ": a native crash)" : "") + "\n"
        + (failures.isEmpty() ? log.substring(Math.max(0, log.length() - 4000)) : failures));
    assertTrue(log.contains("CHECKED"), log);
  }
}
