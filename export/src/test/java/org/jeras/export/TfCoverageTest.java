package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every op that core's ops describe has a TensorFlow lowering, or is listed here with the reason it
 * has none yet (the list can only shrink), so a new op cannot slip in unexported.
 */
class TfCoverageTest {
  private static final Map<String, String> WITHOUT_LOWERING = Map.of();

  @Test
  void everyDescribedOpHasATensorFlowLowering() throws IOException {
    TreeSet<String> described = OnnxCoverageTest.describedOps();
    assertTrue(described.size() > 50, "found only " + described);
    TreeSet<String> missing = new TreeSet<>(described);
    missing.removeAll(TfLowering.supportedOps());
    missing.removeAll(WITHOUT_LOWERING.keySet());
    assertEquals(new TreeSet<>(), missing, "described ops without a TensorFlow lowering (of " + described.size() + ")");
    for (String justified : WITHOUT_LOWERING.keySet()) {
      assertTrue(described.contains(justified), "WITHOUT_LOWERING names no described op: " + justified);
      assertTrue(!TfLowering.supportedOps().contains(justified), justified + " is lowered now: remove it");
    }
  }
}
