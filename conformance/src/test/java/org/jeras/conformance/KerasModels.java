package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.saving.WeightsFile;
import org.jeras.saving.h5.H5Reader;
import org.jeras.core.tensor.StringArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fixtures as models: rebuilt from their {@code config.json}, weights loaded from
 * {@code NAME.weights.h5} by the saving module, inputs and Keras's outputs from {@code NAME.io.npz},
 * and the one comparison every conformance test uses ({@link #assertClose}).
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

  /** The model of fixture {@code name} (e.g. {@code "mha_cross"} or {@code "jax/mha_cross"}), rebuilt from its config, with its weights file loaded. */
  public static Model load(String name) {
    Model model = (Model) Serialization.deserialize(KerasConfigs.of(name), Layer.class);
    WeightsFile.load(model, Fixtures.file(name + ".weights.h5"), false);
    return model;
  }

  /** Every dataset of fixture {@code name}'s {@code .weights.h5}, keyed by path (e.g. {@code layers/dense/vars/0}). */
  public static Map<String, INDArray> weights(String name) {
    Map<String, INDArray> out = new TreeMap<>();
    try (H5Reader r = H5Reader.open(Fixtures.file(name + ".weights.h5"))) {
      collect(r, "", out);
    }
    return out;
  }

  private static void collect(H5Reader r, String group, Map<String, INDArray> out) {
    for (String key : r.keys(group)) {
      String path = group.isEmpty() ? key : group + "/" + key;
      if (r.isGroup(path)) {
        collect(r, path, out);
      } else {
        out.put(path, r.dataset(path));
      }
    }
  }

  /** The {@code vars} datasets {@code 0..n-1} under {@code group} (e.g. {@code layers/conv2d}). */
  public static List<INDArray> vars(Map<String, INDArray> weights, String group) {
    List<INDArray> out = new ArrayList<>();
    for (int i = 0; weights.containsKey(group + "/vars/" + i); i++) {
      out.add(weights.get(group + "/vars/" + i));
    }
    return out;
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
    if (expected.dataType() == DataType.UTF8 || actual.dataType() == DataType.UTF8) {
      // String outputs (inverted lookups) must match exactly.
      assertEquals(expected.dataType(), actual.dataType(), what + ": dtype");
      assertArrayEquals(StringArrays.values(expected), StringArrays.values(actual), what + ": strings");
      return;
    }
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

  /** The model config of fixture {@code name} (e.g. {@code "merge_ops"} or {@code "jax/merge_ops"}). */
  public static JsonObject config(String name) {
    try (ZipFile zip = new ZipFile(Fixtures.file(name + ".keras").toFile());
        InputStream in = zip.getInputStream(zip.getEntry("config.json"))) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inputs {@code x} or {@code x0, x1, ...} of fixture {@code name}'s io.npz, in order. */
  public static List<INDArray> inputs(String name) {
    return inputs(Fixtures.npz(name + ".io.npz"));
  }

  /** The outputs {@code y} or {@code y0, y1, ...} of fixture {@code name}'s io.npz, in order. */
  public static List<INDArray> outputs(String name) {
    return outputs(Fixtures.npz(name + ".io.npz"));
  }

  /**
   * Every layer of {@code classNames} in fixture {@code name} rebuilds from its Keras dict and
   * writes back the identical config JSON (same keys, order and values; Keras's
   * {@code shared_object_id} bookkeeping aside). Returns how many layers were checked.
   */
  public static int assertLayerConfigsRoundTrip(String name, Set<String> classNames) {
    int checked = 0;
    for (JsonElement e : config(name).getAsJsonObject("config").getAsJsonArray("layers")) {
      JsonObject dict = e.getAsJsonObject();
      if (!classNames.contains(dict.get("class_name").getAsString())) {
        continue;
      }
      JsonObject expected = dict.getAsJsonObject("config").deepCopy();
      strip(expected);
      Layer l = Serialization.deserialize(dict, Layer.class);
      JsonObject written = l.getConfig().json();
      strip(written);
      assertEquals(Config.of(expected).toJson(), Config.of(written).toJson(), name + " " + dict.get("class_name"));
      checked++;
    }
    return checked;
  }
}
