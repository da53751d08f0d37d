package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.testing.Fixtures;
import org.jeras.layers.testing.H5Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A fixture model rebuilt from its config.json, with the weights of its {@code .weights.h5}
 * assigned layer by layer ({@code layers/<snake_case class><_counter>}, as Keras names them), run
 * on the fixture's inputs and compared with Keras's outputs (1e-5 abs + 1e-5 rel).
 */
final class KerasFixtureModel {
  private KerasFixtureModel() {}

  /** The config.json of {@code prefix + name + ".keras"} ({@code prefix} "" for torch, "jax/" for jax). */
  static JsonObject config(String prefix, String name) {
    try (ZipFile zip = new ZipFile(Fixtures.file(prefix + name + ".keras").toFile())) {
      String text = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
      return JsonParser.parseString(text).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The layer configs (class_name, config) of a fixture model, in order. */
  static List<JsonObject> layerDicts(String prefix, String name) {
    List<JsonObject> out = new ArrayList<>();
    config(prefix, name).getAsJsonObject("config").getAsJsonArray("layers").forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  /** Loads, runs and compares one fixture case. */
  static void check(String prefix, String name) {
    Model model = (Model) Serialization.deserialize(config(prefix, name), Layer.class);
    Map<String, INDArray> weights = H5Weights.read(Fixtures.file(prefix + name + ".weights.h5"));
    Map<String, Integer> counts = new HashMap<>();
    for (Layer l : model.layers()) {
      String base = Names.snakeCase(l.className());
      int k = counts.merge(base, 1, Integer::sum) - 1;
      if (!l.weights().isEmpty()) {
        String group = "layers/" + (k == 0 ? base : base + "_" + k);
        List<INDArray> own = H5Weights.vars(weights, group);
        // A wrapper (TimeDistributed) keeps its inner layer's variables under "layer".
        l.setWeights(own.isEmpty() ? H5Weights.vars(weights, group + "/layer") : own);
      }
    }
    Map<String, INDArray> io = Fixtures.npz(prefix + name + ".io.npz");
    if (io.containsKey("y")) {
      assertClose(name, io.get("y"), model.predictOnBatch(io.get("x")));
    } else {
      List<INDArray> ys = model.predictOnBatch(List.of(io.get("x")));
      for (int i = 0; i < ys.size(); i++) {
        assertClose(name + " output " + i, io.get("y" + i), ys.get(i));
      }
      assertEquals(ys.size(), io.keySet().stream().filter(k -> k.startsWith("y")).count(), name + ": outputs");
    }
  }

  static void assertClose(String what, INDArray expected, INDArray actual) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    INDArray excess = Transforms.abs(e.sub(a)).subi(Transforms.abs(e).muli(1e-5));
    double worst = excess.maxNumber().doubleValue();
    assertTrue(worst <= 1e-5, what + ": max |a-b| - 1e-5|b| = " + worst);
  }
}
