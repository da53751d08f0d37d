package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * Every fixture model Jeras loads predicts from 8 threads at once (200 calls each) exactly, bit for
 * bit, what it predicts from one thread, without an exception.
 */
class ConcurrentFixturesTest {
  static final int THREADS = 8;
  static final int CALLS = 200;

  @Test
  void everyFixtureModelPredictsConcurrentlyLikeSingleThreaded() throws IOException {
    int checked = 0;
    long started = System.nanoTime();
    for (Case c : KerasCases.loadable()) {
      Map<String, INDArray> io = Npz.read(c.io());
      Model m = Models.load(c.keras(), KerasFixturesTest.OPTIONS);
      ConcurrentInference.check(m, KerasModels.inputs(io), THREADS, CALLS, c.id());
      checked++;
    }
    System.out.println("[ConcurrentFixturesTest] " + checked + " fixture models, " + THREADS + " threads x " + CALLS
        + " calls each, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    assertTrue(checked > 0, "no fixture model was checked");
  }
}
