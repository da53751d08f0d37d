package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Registry;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.conformance.Fixtures;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Reader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every fixture whose classes Jeras registers loads from its {@code .keras} file and predicts
 * Keras's own outputs; its {@code .weights.h5} loads into the rebuilt model with the same result.
 */
public class KerasFixturesTest {
  static final double ATOL = 1e-5;
  static final double RTOL = 1e-5;

  /** Built-in classes plus the Java counterparts of the fixtures' custom classes and functions. */
  static final LoadOptions OPTIONS = LoadOptions.DEFAULT.withCustomObjects(FixtureCustomObjects.classes());

  /** Why a case cannot load yet, or null when every class it needs is registered or provided. */
  static String unsupported(JsonObject c) {
    if (c.get("requires_custom_objects").getAsBoolean()
        && !"fixture_custom".equals(c.get("custom_objects_module").getAsString())) {
      return "needs custom objects " + c.get("custom_objects_module");
    }
    String kind = c.get("model_kind").getAsString();
    if (!kind.equals("sequential") && !kind.equals("functional") && !kind.equals("subclassed")) {
      return "model kind " + kind;
    }
    if (c.has("security_test_case") && !c.get("security_test_case").isJsonNull() && c.get("security_test_case").getAsBoolean()) {
      return "security test case (see SafetyTest)";
    }
    List<String> missing = new ArrayList<>();
    for (JsonElement e : c.getAsJsonArray("layer_classes")) {
      if (Registry.lookupBuiltin(Layer.class, null, e.getAsString()) == null
          && !FixtureCustomObjects.provides(e.getAsString())) {
        missing.add(e.getAsString());
      }
    }
    return missing.isEmpty() ? null : "unregistered " + missing;
  }

  static List<INDArray> inputs(Map<String, INDArray> io) {
    if (io.containsKey("x")) {
      return List.of(io.get("x"));
    }
    List<INDArray> xs = new ArrayList<>();
    for (int i = 0; io.containsKey("x" + i); i++) {
      xs.add(io.get("x" + i));
    }
    return xs;
  }

  static List<INDArray> outputs(Map<String, INDArray> io) {
    if (io.containsKey("y")) {
      return List.of(io.get("y"));
    }
    List<INDArray> ys = new ArrayList<>();
    for (int i = 0; io.containsKey("y" + i); i++) {
      ys.add(io.get("y" + i));
    }
    return ys;
  }

  static void assertClose(INDArray expected, INDArray actual, String what) {
    assertEquals(List.of(expected.shape().length), List.of(actual.shape().length), what + " rank");
    assertTrue(Arrays.equals(expected.shape(), actual.shape()),
        what + ": shape " + Arrays.toString(actual.shape()) + " != " + Arrays.toString(expected.shape()));
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    double[] ev = e.reshape(e.length()).toDoubleVector();
    double[] av = a.reshape(a.length()).toDoubleVector();
    for (int i = 0; i < ev.length; i++) {
      if (!(Math.abs(ev[i] - av[i]) <= ATOL + RTOL * Math.abs(ev[i]))) {
        fail(what + ": element " + i + " is " + av[i] + ", Keras gives " + ev[i]);
      }
    }
  }

  public static void checkPredictions(Model m, Map<String, INDArray> io, String what) {
    List<INDArray> ys = outputs(io);
    List<INDArray> got = m.predictOnBatch(inputs(io));
    assertEquals(ys.size(), got.size(), what + ": number of outputs");
    for (int i = 0; i < ys.size(); i++) {
      assertClose(ys.get(i), got.get(i), what + " output " + i);
    }
  }

  /** Every optimizer variable holds what the file stores under {@code optimizer/vars/<i>}. */
  static void checkOptimizerState(Model m, Path keras) throws IOException {
    try (H5Reader r = H5Reader.fromBytes(FixtureCases.zipMember(keras, "model.weights.h5"), keras.toString())) {
      List<Variable> vars = m.optimizer().variables();
      assertEquals(r.keys("optimizer/vars").size(), vars.size(), keras + ": optimizer variables");
      for (int i = 0; i < vars.size(); i++) {
        assertEquals(r.dataset("optimizer/vars/" + i), vars.get(i).array(), keras + ": optimizer/vars/" + i);
      }
    }
  }

  @Test
  void loadsAndPredictsEverySupportedFixture() throws IOException {
    List<String> unsupported = new ArrayList<>();
    int loaded = 0;
    int optimizers = 0;
    for (Path dir : List.of(Fixtures.dir(), Fixtures.dir().resolve("jax"))) {
      for (JsonObject c : FixtureCases.ok(dir)) {
        String name = c.get("name").getAsString();
        String why = unsupported(c);
        if (why != null) {
          unsupported.add(dir.getFileName() + "/" + name + ": " + why);
          continue;
        }
        Map<String, INDArray> io = Npz.read(dir.resolve(name + ".io.npz"));
        Model m = Models.load(dir.resolve(name + ".keras"), OPTIONS);
        checkPredictions(m, io, dir.getFileName() + "/" + name + ".keras");
        assertEquals(c.get("compiled").getAsBoolean(), m.isCompiled(), name + " compiled");
        if (m.isCompiled() && c.get("optimizer_built").getAsBoolean()) {
          checkOptimizerState(m, dir.resolve(name + ".keras"));
          optimizers++;
        }
        WeightsFile.load(m, dir.resolve(name + ".weights.h5"), false);
        checkPredictions(m, io, dir.getFileName() + "/" + name + ".weights.h5");
        loaded++;
      }
    }
    System.out.println("[KerasFixturesTest] loaded and matched " + loaded + " fixture files; not yet supported ("
        + unsupported.size() + "):");
    unsupported.forEach(u -> System.out.println("  " + u));
    assertTrue(loaded > 0, "no fixture could be loaded");
    // Every custom object of the fixtures has a Java counterpart (custom/FixtureCustomObjects).
    List<String> customMissing = unsupported.stream()
        .filter(u -> u.matches("[^/]*/(custom_|guide_|subclassed_).*")).toList();
    assertTrue(customMissing.isEmpty(), "custom and guide cases not loaded: " + customMissing);
    assertTrue(optimizers > 0, "no optimizer state was checked");
  }
}
