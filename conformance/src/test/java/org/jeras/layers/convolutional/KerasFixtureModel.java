package org.jeras.layers.convolutional;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jeras.conformance.KerasModels;

/** The convolution fixtures: their layer dicts, and running each case against Keras's outputs. */
final class KerasFixtureModel {
  private KerasFixtureModel() {}

  /** The layer configs (class_name, config) of a fixture model, in order. */
  static List<JsonObject> layerDicts(String prefix, String name) {
    List<JsonObject> out = new ArrayList<>();
    KerasModels.config(prefix + name).getAsJsonObject("config").getAsJsonArray("layers")
        .forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  /** Loads, runs and compares one fixture case (1e-5 abs + 1e-5 rel). */
  static void check(String prefix, String name) {
    KerasModels.assertReproduces(prefix + name);
  }
}
