package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.tensor.Variable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizer slots count against the weights a model loaded from a file may create. */
class OptimizerSlotBudgetTest {
  @Test
  void slotsBeyondTheBudgetAreRefusedBeforeAllocation() {
    // 8 MiB of weights; Adam wants two slots of the same size.
    Variable big = new Variable("kernel", "dense/kernel", Nd4j.zeros(2048, 1024), true);
    // A file with no weights may create WEIGHTS_FLOOR_BYTES; spend all but 12 MiB of it first, so the
    // first slot (8 MiB) fits and the second does not.
    long filler = (LoadLimits.WEIGHTS_FLOOR_BYTES - (12L << 20)) / 4;
    ConfigException e = assertThrows(ConfigException.class, () -> LoadLimits.withWeightsBudget(0, () -> {
      LoadLimits.chargeWeights(new long[] {filler}, 4, "the model's weights", true);
      new Adam().build(List.of(big));
      return null;
    }));
    // The optimizer's name depends on how many were made before in this JVM (adam, adam_1, ...).
    assertTrue(e.getMessage().matches("Optimizer slot 'adam(_\\d+)?/dense_kernel_velocity' of shape \\[2048, 1024\\]"
        + " needs 8388608 bytes, .*"), e.getMessage());
    // Outside a load, only the size arithmetic is checked.
    assertDoesNotThrow(() -> new Adam().build(List.of(big)));
  }
}
