package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.core.testing.ConcurrentInference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fixture models that run through a compiled inference plan predict from 8 threads at once (each
 * thread taking its own frame of buffers) exactly, bit for bit, what they predict from one thread.
 */
class PlannedConcurrencyTest {
  static final int THREADS = 8;
  static final int CALLS = 50;

  @Test
  void plannedModelsPredictConcurrentlyLikeSingleThreaded() throws IOException {
    int checked = 0;
    for (Case c : KerasCases.loadable()) {
      if (c.set().startsWith("jax")) {
        continue;
      }
      Map<String, INDArray> io = Npz.read(c.io());
      List<INDArray> x = KerasModels.inputs(io);
      Model m = Models.load(c.keras(), KerasFixturesTest.OPTIONS);
      m.inferencePlans().setEnabled(true);
      m.predictOnBatch(x);
      if (!m.inferencePlans().isPlanned(x)) {
        continue;
      }
      System.err.println("[PlannedConcurrencyTest] " + c.id());
      ConcurrentInference.check(m, x, THREADS, CALLS, c.id());
      checked++;
    }
    System.out.println("[PlannedConcurrencyTest] " + checked + " planned fixture models, " + THREADS + " threads x "
        + CALLS + " calls");
    assertTrue(checked >= 30, "only " + checked + " planned fixture models were checked");
  }
}
