package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.testing.LogCapture;
import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's warnings reach SLF4J under the class's logger name, so applications can route them. */
class OptimizerLoggingTest {

  @Test
  void skippedOptimizerVariablesAreAWarningOnTheOptimizerLogger() {
    Adam adam = new Adam(1e-3);
    MapVariableStore saved = new MapVariableStore("optimizer/vars");
    int count = adam.variables().size() + 2;
    for (int i = 0; i < count; i++) {
      saved.put(Integer.toString(i), Nd4j.zeros(3));
    }
    boolean[] loaded = new boolean[1];
    String log = LogCapture.during(() -> loaded[0] = adam.loadOwnVariables(saved));

    assertFalse(loaded[0]);
    assertTrue(log.contains("WARN org.jeras.core.optimizers.Optimizer - Skipping variable loading for optimizer '"
        + adam.name() + "', because it has " + adam.variables().size() + " variables whereas the saved optimizer has "
        + count + " variables"), log);
  }
}
