package org.jeras.layers.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.tensor.Variable;
import org.jeras.conformance.Fixtures;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Replays every real-Keras training trajectory through {@code fit}: same model (layers rebuilt
 * from their Keras configs), same initial weights, optimizer, loss, batches, sample and class
 * weights; after every step the weights, every optimizer variable and the logged loss must match
 * Keras within 1e-5 (relative to magnitude).
 */
class FitTrajectoryTest {
  private static final double TOL = 1e-5;

  /** Every case of the torch set, and of the jax set (same runs on the jax backend). */
  static Stream<String> cases() throws IOException {
    JsonObject m = manifest();
    List<String> names = new ArrayList<>();
    for (String set : List.of("", "jax/")) {
      m.getAsJsonArray("cases").forEach(c -> {
        String name = c.getAsJsonObject().get("name").getAsString();
        if (Files.exists(Fixtures.dir().resolve("trajectories/" + set + name + ".npz"))) {
          names.add(set + name);
        }
      });
    }
    return names.stream();
  }

  private static JsonObject manifest() throws IOException {
    return JsonParser.parseString(Files.readString(Fixtures.file("trajectories/manifest.json"))).getAsJsonObject();
  }

  private static JsonObject caseNamed(String name) throws IOException {
    for (JsonElement c : manifest().getAsJsonArray("cases")) {
      if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no case " + name);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fitReproducesKeras(String setAndName) throws IOException {
    String name = setAndName.substring(setAndName.indexOf('/') + 1);
    JsonObject c = caseNamed(name);
    Map<String, INDArray> a = Fixtures.npz("trajectories/" + setAndName + ".npz");
    Sequential model = new Sequential("traj");
    model.add(Input.of(a.get("x").size(1)));
    for (JsonElement l : c.getAsJsonArray("layers")) {
      JsonObject dict = new JsonObject();
      dict.addProperty("module", "keras.layers");
      dict.add("class_name", l.getAsJsonObject().get("class_name"));
      dict.add("config", l.getAsJsonObject().get("config"));
      model.add(Serialization.deserialize(dict, Layer.class));
    }
    List<Variable> weights = model.weights();
    assertEquals(c.getAsJsonArray("weights").size(), weights.size(), "weight count");
    for (int i = 0; i < weights.size(); i++) {
      weights.get(i).assign(a.get("w0_" + i));
    }
    Optimizer optimizer = Serialization.deserialize(c.get("optimizer"), Optimizer.class);
    model.compile(CompileOptions.of(optimizer).loss(c.get("loss")));

    List<List<INDArray>> w = new ArrayList<>();
    List<List<INDArray>> opt = new ArrayList<>();
    List<Double> logged = new ArrayList<>();
    Callback recorder = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        w.add(model.getWeights());
        List<INDArray> o = new ArrayList<>();
        for (Variable v : model.optimizer().variables()) {
          o.add(v.array().dup());
        }
        opt.add(o);
        logged.add(logs.get("loss"));
      }
    };
    JsonObject fit = c.getAsJsonObject("fit");
    FitOptions options = FitOptions.defaults().batchSize(fit.get("batch_size").getAsInt())
        .epochs(fit.get("epochs").getAsInt()).shuffle(false).verbose(0).callbacks(recorder);
    if (fit.get("sample_weight").getAsBoolean()) {
      options.sampleWeight(a.get("sample_weight"));
    }
    if (fit.has("class_weight") && fit.get("class_weight").isJsonObject()) {
      Map<Integer, Double> cw = new LinkedHashMap<>();
      fit.getAsJsonObject("class_weight").entrySet()
          .forEach(e -> cw.put(Integer.parseInt(e.getKey()), e.getValue().getAsDouble()));
      options.classWeight(cw);
    }
    model.fit(a.get("x"), a.get("y"), options);

    int steps = fit.get("steps").getAsInt();
    assertEquals(steps, w.size(), "steps run");
    INDArray loss = a.get("loss_logged");
    for (int s = 1; s <= steps; s++) {
      for (int i = 0; i < weights.size(); i++) {
        close(name + " step " + s + " weight " + i, a.get("w" + s + "_" + i), w.get(s - 1).get(i));
      }
      for (int j = 0; j < opt.get(s - 1).size(); j++) {
        INDArray expected = a.get("opt" + s + "_" + j);
        if (expected == null) {
          fail(name + ": Jeras has optimizer variable " + j + " that Keras does not");
        }
        close(name + " step " + s + " optimizer variable " + j, expected, opt.get(s - 1).get(j));
      }
      assertEquals(a.get("opt" + s + "_" + opt.get(s - 1).size()), null, name + ": Keras has more optimizer variables");
      double expectedLoss = loss.getDouble(s - 1);
      assertEquals(expectedLoss, logged.get(s - 1), TOL * Math.max(1, Math.abs(expectedLoss)), name + " step " + s + " logged loss");
    }
  }

  private static void close(String what, INDArray expected, INDArray actual) {
    assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray g = actual.castTo(DataType.DOUBLE);
    for (long k = 0; k < e.length(); k++) {
      double ev = e.getDouble(k);
      double gv = g.getDouble(k);
      if (Math.abs(ev - gv) > TOL * Math.max(1, Math.abs(ev))) {
        fail(what + " differs at " + k + ": Keras " + ev + ", Jeras " + gv);
      }
    }
  }
}
