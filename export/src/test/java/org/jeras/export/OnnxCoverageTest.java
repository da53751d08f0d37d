package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every op that core's ops describe (every {@code OpDesc} name in their sources) has an ONNX
 * lowering, or is listed here with the reason it has none yet, so a new op cannot slip in
 * unexported.
 */
class OnnxCoverageTest {
  private static final Map<String, String> WITHOUT_LOWERING = Map.of(
      "sparsemax", "a sort-based projection with no ONNX composition written yet");

  /** {@code OpDesc.of("name"}, {@code reduction("name"}, {@code convDesc("name"}, with a {@code cond ? "a" : "b"} name too. */
  private static final Pattern DESCRIBED = Pattern.compile(
      "(?:OpDesc\\.of|reduction|convDesc)\\((?:[A-Za-z]+ \\? )?\"([a-z0-9_]+)\"(?: : \"([a-z0-9_]+)\")?");

  /** Every op name core's sources describe. */
  static TreeSet<String> describedOps() throws IOException {
    TreeSet<String> described = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("../core/src/main/java/org/jeras/core"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = DESCRIBED.matcher(Files.readString(f));
        while (m.find()) {
          described.add(m.group(1));
          if (m.group(2) != null) {
            described.add(m.group(2));
          }
        }
      }
    }
    return described;
  }

  @Test
  void everyDescribedOpHasAnOnnxLowering() throws IOException {
    TreeSet<String> described = describedOps();
    assertTrue(described.size() > 50, "found only " + described);
    TreeSet<String> missing = new TreeSet<>(described);
    missing.removeAll(OnnxLowering.supportedOps());
    missing.removeAll(WITHOUT_LOWERING.keySet());
    assertEquals(new TreeSet<>(), missing, "described ops without an ONNX lowering (of " + described.size() + ")");
    for (String justified : WITHOUT_LOWERING.keySet()) {
      assertTrue(described.contains(justified), "WITHOUT_LOWERING names no described op: " + justified);
      assertTrue(!OnnxLowering.supportedOps().contains(justified), justified + " is lowered now: remove it");
    }
  }
}
