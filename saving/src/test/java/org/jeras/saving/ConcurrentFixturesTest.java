package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.core.testing.ConcurrentInference;
import org.jeras.core.testing.Fixtures;
import org.jeras.saving.h5.FixtureCases;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every fixture model Jeras loads predicts from 8 threads at once exactly what it predicts from one. */
class ConcurrentFixturesTest {
  static final int THREADS = 8;
  static final int CALLS = 200;

  @Test
  void everyFixtureModelPredictsConcurrentlyLikeSingleThreaded() throws IOException {
    int checked = 0;
    long started = System.nanoTime();
    for (Path dir : List.of(Fixtures.dir(), Fixtures.dir().resolve("jax"))) {
      for (JsonObject c : FixtureCases.ok(dir)) {
        String name = c.get("name").getAsString();
        if (KerasFixturesTest.unsupported(c) != null) {
          continue;
        }
        Map<String, INDArray> io = Npz.read(dir.resolve(name + ".io.npz"));
        Model m = Models.load(dir.resolve(name + ".keras"), KerasFixturesTest.OPTIONS);
        long t0 = System.nanoTime();
        ConcurrentInference.check(m, KerasFixturesTest.inputs(io), THREADS, CALLS, dir.getFileName() + "/" + name);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > 2000) {
          System.out.println("[ConcurrentFixturesTest] " + name + ": " + ms + " ms");
        }
        checked++;
      }
    }
    System.out.println("[ConcurrentFixturesTest] " + checked + " fixture models, " + THREADS + " threads x " + CALLS
        + " calls each, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    assertTrue(checked > 0, "no fixture model was checked");
  }
}
