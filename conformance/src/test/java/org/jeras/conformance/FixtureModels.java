package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

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

  /** The fixture's model, built from its config, with its weights loaded (see {@link KerasModels#load}). */
  public static Model load(String name) {
    return KerasModels.load(name);
  }

  /** The inputs {@code x} or {@code x0, x1, ...} of a fixture's io.npz, in order. */
  public static List<INDArray> inputs(String name) {
    return KerasModels.inputs(Fixtures.npz(name + ".io.npz"));
  }

  /** The outputs {@code y} or {@code y0, y1, ...} of a fixture's io.npz, in order. */
  public static List<INDArray> outputs(String name) {
    return KerasModels.outputs(Fixtures.npz(name + ".io.npz"));
  }

  /** Runs fixture {@code name} on its inputs and checks every output within 1e-5 abs + 1e-5 rel. */
  public static void assertReproduces(String name) {
    KerasModels.assertReproduces(name);
  }

  /** max |a - e| <= 1e-5 + 1e-5 |e|, same shape. */
  public static void assertClose(INDArray expected, INDArray actual, String what) {
    KerasModels.assertClose(expected, actual, what);
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
      KerasModels.strip(expected);
      Layer l = Serialization.deserialize(dict, Layer.class);
      JsonObject written = l.getConfig().json();
      KerasModels.strip(written);
      assertEquals(Config.of(expected).toJson(), Config.of(written).toJson(), name + " " + dict.get("class_name"));
      checked++;
    }
    return checked;
  }
}
