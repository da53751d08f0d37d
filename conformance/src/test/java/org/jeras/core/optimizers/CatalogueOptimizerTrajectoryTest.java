package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.core.training.FitOptions;
import org.jeras.saving.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lamb, Adafactor, Muon, ScheduleFreeAdamW and LossScaleOptimizer against real Keras (jax), from
 * {@code trajectories/catalogue} ({@code generators/gen_catalogue.py}): every trajectory is replayed
 * step by step as the older optimizers' are ({@link OptimizerTrajectoryTest}: config written back
 * identically, learning rate, weights and every optimizer variable within 1e-5 after each step),
 * including LossScaleOptimizer's dynamic scaling and its skipped step on an inf gradient; and each
 * {@code .keras} file Keras saved after training loads in Jeras with the optimizer state under
 * Keras's names and resumes: one more epoch of fit matches Keras's own resumed epoch.
 */
class CatalogueOptimizerTrajectoryTest {
  private static final String DIR = "trajectories/catalogue";

  static Stream<JsonObject> cases() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(Fixtures.file(DIR + "/manifest.json"))) {
      for (JsonElement c : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")) {
        out.add(c.getAsJsonObject());
      }
    }
    assertEquals(8, out.size());
    return out.stream();
  }

  static Stream<JsonObject> savedCases() throws IOException {
    return cases().filter(c -> c.getAsJsonObject("files").has("keras"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replaysKerasTrajectory(JsonObject c) {
    String name = c.get("name").getAsString();
    new OptimizerTrajectoryTest().replaysKerasTrajectory(DIR + "/" + name, DIR, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("savedCases")
  void resumesSavedFile(JsonObject c) {
    String name = c.get("name").getAsString();
    Map<String, INDArray> a = Fixtures.npz(DIR + "/" + name + ".npz");
    Model model = Models.load(Fixtures.file(DIR + "/" + name + ".keras"));
    Optimizer optimizer = model.optimizer();
    assertEquals(c.get("optimizer_class").getAsString(), optimizer.className());
    List<Variable> vars = optimizer.variables();
    assertEquals(c.getAsJsonArray("optimizer_variables").size(), vars.size(), name + " optimizer variable count");
    for (int j = 0; j < vars.size(); j++) {
      OptimizerTrajectoryTest.assertClose(a.get("opt6_" + j), vars.get(j).array(), name + " loaded " + vars.get(j).path());
    }
    List<List<INDArray>> weights = new ArrayList<>();
    List<List<INDArray>> opt = new ArrayList<>();
    model.fit(a.get("x"), a.get("y"), FitOptions.defaults().batchSize(4).epochs(1).shuffle(false).verbose(0)
        .callbacks(new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            weights.add(model.getWeights());
            List<INDArray> o = new ArrayList<>();
            model.optimizer().variables().forEach(v -> o.add(v.array().dup()));
            opt.add(o);
          }
        }));
    assertEquals(3, weights.size());
    for (int s = 7; s <= 9; s++) {
      for (int i = 0; i < weights.get(s - 7).size(); i++) {
        OptimizerTrajectoryTest.assertClose(a.get("resume_w" + s + "_" + i), weights.get(s - 7).get(i),
            name + " resumed step " + s + " weight " + i);
      }
      for (int j = 0; j < opt.get(s - 7).size(); j++) {
        INDArray expected = a.get("resume_opt" + s + "_" + j);
        assertTrue(expected != null, name + ": Keras has no optimizer variable " + j);
        OptimizerTrajectoryTest.assertClose(expected, opt.get(s - 7).get(j),
            name + " resumed step " + s + " optimizer variable " + j);
      }
    }
    if (optimizer instanceof LossScaleOptimizer lso) {
      assertInstanceOf(Adam.class, lso.innerOptimizer());
    }
  }
}
