package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Rebuilds a fixture's model from its {@code config.json} and loads {@code NAME.weights.h5} by
 * walking the layers and their tracked sublayers as Keras's saving walk names them
 * ({@code layers/<snake_case class>[_n]/<attribute>/vars/<i>}), so a test also checks the
 * attribute names and variable order.
 */
public final class KerasModels {
  private KerasModels() {}

  /**
   * The fixture sets holding case {@code name}: the torch set ({@code ""}) and the jax set
   * ({@code "jax/"}) unless jax/manifest.json marks the case skipped (a Keras bug on jax).
   */
  public static List<String> sets(String name) {
    try {
      JsonObject manifest = JsonParser.parseString(
          Files.readString(Fixtures.file("jax/manifest.json"))).getAsJsonObject();
      for (JsonElement c : manifest.getAsJsonArray("cases")) {
        JsonObject o = c.getAsJsonObject();
        if (o.get("name").getAsString().equals(name)) {
          return "ok".equals(o.get("status").getAsString()) ? List.of("", "jax/") : List.of("");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("Case " + name + " is not in jax/manifest.json");
  }

  /** The model of fixture {@code name} (e.g. {@code "mha_cross"} or {@code "jax/mha_cross"}) with its weights. */
  public static Model load(String name) {
    Model model = (Model) Serialization.deserialize(KerasConfigs.of(name), Layer.class);
    loadWeights(model, H5Weights.read(Fixtures.file(name + ".weights.h5")));
    return model;
  }

  /** Assigns a model's weights from a weights file's datasets, by Keras's container names. */
  public static void loadWeights(Model model, Map<String, INDArray> weights) {
    Map<String, Integer> used = new HashMap<>();
    for (Layer l : model.layers()) {
      String snake = Names.snakeCase(l.className());
      Integer n = used.merge(snake, 1, Integer::sum);
      loadTree(l, weights, "layers/" + (n == 1 ? snake : snake + "_" + (n - 1)));
    }
  }

  /** Assigns {@code layer}'s own variables from {@code group/vars/i}, then its tracked sublayers'. */
  public static void loadTree(Layer layer, Map<String, INDArray> weights, String group) {
    List<Variable> own = layer.ownVariables();
    List<INDArray> stored = H5Weights.vars(weights, group);
    assertEquals(own.size(), stored.size(), "variables of " + group);
    for (int i = 0; i < own.size(); i++) {
      assertArrayEquals(own.get(i).array().shape(), stored.get(i).shape(), group + "/vars/" + i);
      own.get(i).assign(stored.get(i));
    }
    for (Map.Entry<String, Object> e : layer.trackedAttributes().entrySet()) {
      if (e.getValue() instanceof Layer child) {
        loadTree(child, weights, group + "/" + e.getKey());
      }
    }
  }

  /** The io.npz inputs ({@code x} or {@code x0, x1, ...}) in order. */
  public static List<INDArray> inputs(Map<String, INDArray> io) {
    return numbered(io, "x");
  }

  /** The io.npz outputs ({@code y} or {@code y0, y1, ...}) in order. */
  public static List<INDArray> outputs(Map<String, INDArray> io) {
    return numbered(io, "y");
  }

  private static List<INDArray> numbered(Map<String, INDArray> io, String key) {
    if (io.containsKey(key)) {
      return List.of(io.get(key));
    }
    List<INDArray> out = new ArrayList<>();
    for (int i = 0; io.containsKey(key + i); i++) {
      out.add(io.get(key + i));
    }
    return out;
  }

  /** max |a - b| <= 1e-5 + 1e-5 |b| elementwise, b being Keras's value. */
  public static void assertClose(INDArray expected, INDArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    INDArray excess = Transforms.abs(e.sub(a)).subi(Transforms.abs(e).muli(1e-5));
    double worst = excess.maxNumber().doubleValue();
    assertTrue(worst <= 1e-5, what + ": max |a-b| - 1e-5|b| = " + worst);
  }

  /** Runs fixture {@code name}'s model on its inputs and compares every output with Keras's. */
  public static void assertReproduces(String name) {
    Model model = load(name);
    Map<String, INDArray> io = Fixtures.npz(name + ".io.npz");
    List<INDArray> got = model.predictOnBatch(inputs(io));
    List<INDArray> want = outputs(io);
    assertEquals(want.size(), got.size(), name + ": outputs");
    for (int i = 0; i < want.size(); i++) {
      assertClose(want.get(i), got.get(i), name + " output " + i);
    }
  }
  /** The fixture's layer dicts of {@code className} round-trip through fromConfig/getConfig to the same JSON. */
  public static List<Layer> layersOf(String fixture, String className) {
    List<JsonObject> dicts = KerasConfigs.find(fixture, "keras.layers", className);
    List<Layer> out = new ArrayList<>();
    for (JsonObject d : dicts) {
      JsonObject expected = d.deepCopy();
      strip(expected);
      Layer l = Serialization.deserialize(d, Layer.class);
      JsonObject written = Serialization.serialize(l).getAsJsonObject();
      strip(written);
      // Functional layer dicts also carry the graph's name and inbound_nodes.
      for (String key : List.of("name", "inbound_nodes")) {
        if (expected.has(key)) {
          written.add(key, expected.get(key));
        }
      }
      assertEquals(expected, written, fixture + " " + className);
      out.add(l);
    }
    return out;
  }

  /**
   * Fixture {@code name}'s model config (e.g. {@code "mha_cross"} or {@code "jax/mha_cross"}),
   * rebuilt in Jeras, serializes back to the same JSON (compile config and shared object ids aside).
   */
  public static void assertConfigRoundTrips(String name) {
    JsonObject original = KerasConfigs.of(name);
    JsonObject written = Serialization.serialize(Serialization.deserialize(original, Layer.class)).getAsJsonObject();
    JsonObject expected = original.deepCopy();
    expected.remove("compile_config");
    written.remove("compile_config");
    strip(expected);
    strip(written);
    assertEquals(expected, written, name);
  }

  /** Removes Keras's shared_object_id bookkeeping (Python object ids) everywhere. */
  public static void strip(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().remove("shared_object_id");
      for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
        strip(x.getValue());
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(KerasModels::strip);
    }
  }

}
