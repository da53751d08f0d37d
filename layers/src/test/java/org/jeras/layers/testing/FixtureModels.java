package org.jeras.layers.testing;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.testing.Fixtures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Rebuilds fixture models from their {@code config.json} and loads their {@code .weights.h5}
 * without the saving module: weights are matched to layers by Keras's container naming
 * ({@code layers/<snake_case class>[_n]}, counted per class in layer order).
 */
public final class FixtureModels {
  private FixtureModels() {}

  /** The model config of fixture {@code name} (e.g. {@code "merge_ops"} or {@code "jax/merge_ops"}). */
  public static JsonObject config(String name) {
    try (ZipFile zip = new ZipFile(Fixtures.file(name + ".keras").toFile());
        InputStream in = zip.getInputStream(zip.getEntry("config.json"))) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's model, built from its config, with its weights loaded. */
  public static Model load(String name) {
    Model model = (Model) Serialization.deserialize(config(name), Layer.class);
    Map<String, INDArray> w = H5Weights.read(Fixtures.file(name + ".weights.h5"));
    Map<String, Integer> counts = new HashMap<>();
    for (Layer l : model.layers()) {
      String prefix = Names.snakeCase(l.className());
      int n = counts.merge(prefix, 1, Integer::sum) - 1;
      String group = "layers/" + (n == 0 ? prefix : prefix + "_" + n);
      List<INDArray> vars = H5Weights.vars(w, group);
      if (!l.weights().isEmpty() || !vars.isEmpty()) {
        l.setWeights(vars);
      }
    }
    return model;
  }

  /** The inputs {@code x} or {@code x0, x1, ...} of a fixture's io.npz, in order. */
  public static List<INDArray> inputs(String name) {
    return numbered(Fixtures.npz(name + ".io.npz"), "x");
  }

  /** The outputs {@code y} or {@code y0, y1, ...} of a fixture's io.npz, in order. */
  public static List<INDArray> outputs(String name) {
    return numbered(Fixtures.npz(name + ".io.npz"), "y");
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

  /** Runs fixture {@code name} on its inputs and checks every output within 1e-5 abs + 1e-5 rel. */
  public static void assertReproduces(String name) {
    Model model = load(name);
    List<INDArray> expected = outputs(name);
    List<INDArray> actual = model.predictOnBatch(inputs(name));
    assertEquals(expected.size(), actual.size(), name + ": number of outputs");
    for (int i = 0; i < expected.size(); i++) {
      assertClose(expected.get(i), actual.get(i), name + " output " + i);
    }
  }

  /** max |a - e| <= 1e-5 + 1e-5 |e|, same shape. */
  public static void assertClose(INDArray expected, INDArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    INDArray err = Transforms.abs(e.sub(a)).subi(Transforms.abs(e).muli(1e-5));
    double worst = err.maxNumber().doubleValue();
    assertTrue(worst <= 1e-5, what + ": max |a-b| - 1e-5|b| = " + worst);
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

  private static void strip(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().remove("shared_object_id");
      for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
        strip(x.getValue());
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(FixtureModels::strip);
    }
  }
}
