package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
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
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.Variable;
import org.jeras.conformance.Fixtures;
import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Replays every real-Keras training trajectory (torch, and the jax copies) through the optimizer
 * read from the case's config: from the initial weights, each step's gradients (before clipping)
 * go through {@link Optimizer#applyGradients}; the learning rate used, the weights and every
 * optimizer variable after each step must match Keras within 1e-5 relative to magnitude.
 *
 * <p>Non-trainable weights (BatchNormalization's moving statistics) are not the optimizer's to
 * change and are not compared. The {@code batchnorm} case ships no gradients; they are computed
 * here in float64 at the replayed weights ({@link TrajectoryGradients}). The {@code resume} case
 * saves the optimizer after step 3 and continues in a fresh optimizer loaded from that state.
 */
class OptimizerTrajectoryTest {
  private static final double TOL = 1e-5;

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String dir : List.of("trajectories", "trajectories/jax")) {
      JsonObject manifest;
      try (Reader r = Files.newBufferedReader(Fixtures.file(dir + "/manifest.json"))) {
        manifest = JsonParser.parseReader(r).getAsJsonObject();
      }
      for (JsonElement c : manifest.getAsJsonArray("cases")) {
        JsonObject cas = c.getAsJsonObject();
        assertEquals("ok", cas.get("status").getAsString(), "case " + cas.get("name"));
        out.add(Arguments.of(dir + "/" + cas.get("name").getAsString(), dir, cas));
      }
    }
    assertTrue(out.size() >= 50, "expected 25 torch + 25 jax cases, found " + out.size());
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replaysKerasTrajectory(String label, String dir, JsonObject cas) {
    String name = cas.get("name").getAsString();
    JsonObject optimizerJson = cas.getAsJsonObject("optimizer");
    Optimizer optimizer = Serialization.deserialize(optimizerJson, Optimizer.class);
    assertEquals(optimizerJson.get("class_name").getAsString(), optimizer.className());
    // The config Jeras writes back is the config Keras wrote, key order and number text included.
    assertEquals(Config.of(optimizerJson.getAsJsonObject("config")).toJson(), optimizer.getConfig().toJson());

    Map<String, INDArray> npz = Fixtures.npz(dir + "/" + name + ".npz");
    JsonArray weightInfo = cas.getAsJsonArray("weights");
    List<Variable> all = new ArrayList<>();
    List<Variable> trainable = new ArrayList<>();
    List<Integer> trainableIndex = new ArrayList<>();
    for (int i = 0; i < weightInfo.size(); i++) {
      JsonObject w = weightInfo.get(i).getAsJsonObject();
      String path = w.get("path").getAsString();
      boolean isTrainable = w.get("trainable").getAsBoolean();
      Variable v = new Variable(w.get("name").getAsString(), path,
          npz.get("w0_" + i).castTo(DataType.FLOAT).dup(), isTrainable);
      all.add(v);
      if (isTrainable) {
        trainable.add(v);
        trainableIndex.add(i);
      }
    }
    JsonArray optInfo = cas.getAsJsonArray("optimizer_variables");
    int steps = cas.getAsJsonObject("fit").get("steps").getAsInt();
    double[] lr = npz.get("lr").toDoubleVector();
    for (int s = 1; s <= steps; s++) {
      if (name.equals("resume") && s == 4) {
        optimizer = reloaded(optimizer, optimizerJson, trainable);
      }
      String at = label + " step " + s;
      assertClose(lr[s - 1], optimizer.learningRate(), at + " learning rate");
      optimizer.applyGradients(gradients(name, npz, s, trainable, trainableIndex), trainable);
      for (int k = 0; k < trainable.size(); k++) {
        int i = trainableIndex.get(k);
        assertClose(npz.get("w" + s + "_" + i), trainable.get(k).array(), at + " weight " + all.get(i).path());
      }
      List<Variable> optVars = optimizer.variables();
      assertEquals(optInfo.size(), optVars.size(), at + " optimizer variable count");
      for (int j = 0; j < optVars.size(); j++) {
        JsonObject info = optInfo.get(j).getAsJsonObject();
        Variable v = optVars.get(j);
        if (name.equals("resume")) {
          // Keras's resumed run names slots after the reloaded variables' shorter paths.
          assertTrue(v.name().endsWith(info.get("name").getAsString()), at + ": " + v.path() + " vs " + info);
        } else {
          assertEquals(info.get("path").getAsString(), v.path(), at + " optimizer variable " + j);
        }
        assertEquals(info.get("dtype").getAsString(), v.dtype().kerasName(), at + " dtype of " + v.path());
        INDArray expected = npz.get("opt" + s + "_" + j);
        if (v.dtype().isFloating()) {
          assertClose(expected, v.array(), at + " " + v.path());
        } else {
          assertEquals(expected.getLong(0), v.array().getLong(0), at + " " + v.path());
        }
      }
    }
    if (name.equals("resume")) {
      for (int k = 0; k < trainable.size(); k++) {
        assertClose(npz.get("uninterrupted_w6_" + trainableIndex.get(k)), trainable.get(k).array(),
            label + " uninterrupted run, weight " + k);
      }
    }
  }

  /** Saves the optimizer's state and loads it into a fresh optimizer from the same config. */
  private static Optimizer reloaded(Optimizer trained, JsonObject optimizerJson, List<Variable> trainable) {
    MapVariableStore store = new MapVariableStore("optimizer/vars");
    trained.saveOwnVariables(store);
    Optimizer fresh = Serialization.deserialize(optimizerJson, Optimizer.class);
    fresh.build(trainable);
    assertTrue(fresh.loadOwnVariables(store), "optimizer state loads into a built optimizer");
    assertEquals(3, fresh.iterations());
    return fresh;
  }

  private static List<INDArray> gradients(String name, Map<String, INDArray> npz, int step, List<Variable> trainable,
      List<Integer> trainableIndex) {
    if (!npz.containsKey("grad" + step + "_0")) {
      assertEquals("batchnorm", name, "only the batchnorm case ships without gradients");
      List<INDArray> weights = new ArrayList<>();
      trainable.forEach(v -> weights.add(v.array()));
      int batch = (step - 1) % 3;
      INDArray x = npz.get("x").get(NDArrayIndex.interval(4 * batch, 4 * batch + 4), NDArrayIndex.all());
      INDArray y = npz.get("y").get(NDArrayIndex.interval(4 * batch, 4 * batch + 4), NDArrayIndex.all());
      return TrajectoryGradients.batchnormMlp(weights, x, y);
    }
    List<INDArray> grads = new ArrayList<>();
    for (int k = 0; k < trainable.size(); k++) {
      grads.add(npz.get("grad" + step + "_" + trainableIndex.get(k)));
    }
    return grads;
  }

  static void assertClose(double expected, double actual, String what) {
    assertTrue(Math.abs(expected - actual) <= TOL * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + ", got " + actual);
  }

  static void assertClose(INDArray expected, INDArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
    double[] e = expected.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    double[] a = actual.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    for (int i = 0; i < e.length; i++) {
      assertClose(e[i], a[i], what + "[" + i + "]");
    }
  }
}
