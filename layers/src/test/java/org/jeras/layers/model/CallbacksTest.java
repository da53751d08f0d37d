package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.callbacks.CsvLogger;
import org.jeras.core.callbacks.History;
import org.jeras.core.callbacks.LambdaCallback;
import org.jeras.core.callbacks.LearningRateScheduler;
import org.jeras.core.callbacks.ReduceLROnPlateau;
import org.jeras.core.callbacks.TerminateOnNaN;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.random.Seeds;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CallbacksTest {
  @TempDir
  Path tmp;

  private static Sequential model(double lr) {
    Seeds.setGlobalSeed(3);
    Sequential m = new Sequential();
    m.add(Input.of(2));
    m.add(new Dense(1));
    m.compile(new SGD(lr), "mse");
    return m;
  }

  private static final INDArray X = Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
  private static final INDArray Y = Nd4j.create(new float[][] {{1}, {2}, {3}, {4}});

  @Test
  void learningRateSchedulerSetsTheRateEachEpoch() {
    Sequential m = model(0.01);
    List<Double> seen = new ArrayList<>();
    History h = m.fit(X, Y, FitOptions.defaults().epochs(3).verbose(0).callbacks(
        new LearningRateScheduler((epoch, lr) -> 0.001 * (epoch + 1)),
        LambdaCallback.onEpochEnd((epoch, logs) -> seen.add(m.optimizer().learningRate()))));
    assertEquals(3, seen.size());
    for (int e = 0; e < 3; e++) {
      assertEquals(0.001 * (e + 1), seen.get(e), 1e-9);
      assertEquals(0.001 * (e + 1), h.get("learning_rate").get(e), 1e-9);
    }
  }

  @Test
  void reduceLrOnPlateauCutsTheRateWhenTheLossStalls() {
    Sequential m = model(0.0);
    m.fit(X, Y, FitOptions.defaults().epochs(4).verbose(0).callbacks(
        new ReduceLROnPlateau("loss", 0.5, 1, "auto", 1e-4, 0, 0.0)));
    // lr 0 never improves the loss: it stays 0 * 0.5 = 0 but the schedule must not blow up.
    assertEquals(0.0, m.optimizer().learningRate(), 0.0);
    Sequential m2 = model(1e-6);
    m2.fit(X, Y, FitOptions.defaults().epochs(3).verbose(0).callbacks(
        new ReduceLROnPlateau("loss", 0.5, 1, "auto", 10.0, 0, 0.0)));
    // min_delta 10 makes every epoch after the first a plateau: 1e-6 -> 5e-7 -> 2.5e-7.
    assertEquals(2.5e-7, m2.optimizer().learningRate(), 1e-12);
  }

  @Test
  void csvLoggerWritesAHeaderAndOneRowPerEpoch() throws Exception {
    Path csv = tmp.resolve("log.csv");
    model(0.01).fit(X, Y, FitOptions.defaults().epochs(2).verbose(0).callbacks(new CsvLogger(csv)));
    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size());
    assertEquals("epoch,loss", lines.get(0));
    assertTrue(lines.get(1).startsWith("0,") && lines.get(2).startsWith("1,"), lines.toString());
  }

  @Test
  void terminateOnNanStopsTraining() {
    Sequential m = model(1e30);
    List<Integer> batches = new ArrayList<>();
    m.fit(X, Y, FitOptions.defaults().epochs(50).batchSize(1).verbose(0).callbacks(new TerminateOnNaN(),
        new LambdaCallback(null, null, (b, logs) -> batches.add(b), null)));
    assertTrue(batches.size() < 200, "stopped after " + batches.size() + " batches");
  }
}
