package org.jeras.layers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.activations.PReLU;
import org.jeras.layers.activations.Softmax;
import org.jeras.layers.core.Axes;
import org.jeras.layers.merging.Concatenate;
import org.jeras.layers.merging.Dot;
import org.jeras.layers.normalization.BatchNormalization;
import org.jeras.layers.normalization.GroupNormalization;
import org.jeras.layers.normalization.LayerNormalization;
import org.jeras.layers.normalization.UnitNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Axis arguments can only be checked against the rank of the inputs: a layer built on inputs of
 * rank 3 refuses an axis outside [-3, 3) (or a repeated one) with an {@link InvalidConfigException}
 * naming the key, before any kernel runs; when the layer is loaded inside a model the message names
 * the layer's path.
 */
class LayerAxisArgsTest {
  private static void refused(String key, Runnable build) {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, build::run);
    assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    assertEquals(key, e.key());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 7, -4})
  void outOfRangeAxesAreRefusedAtBuild(int axis) {
    refused("axis", () -> new Concatenate(axis).apply(List.of(Input.of(4, 2), Input.of(4, 2))));
    refused("axis", () -> new Softmax(Axes.of(axis)).apply(Input.of(4, 2)));
    refused("axis", () -> new LayerNormalization(Axes.of(axis)).apply(Input.of(4, 2)));
    refused("axis", () -> new UnitNormalization(Axes.of(axis)).apply(Input.of(4, 2)));
    refused("axis", () -> new BatchNormalization(axis).apply(Input.of(4, 2)));
    refused("axis", () -> new GroupNormalization(2, axis).apply(Input.of(4, 2)));
    refused("axes", () -> new Dot(axis, 1, false).apply(List.of(Input.of(4, 2), Input.of(4, 2))));
  }

  @Test
  void repeatedAxesAreRefused() {
    refused("axis", () -> new LayerNormalization(Axes.list(1, -2)).apply(Input.of(4, 2)));
  }

  @Test
  void prereluSharedAxesMustBeNonBatchAxes() {
    for (int bad : new int[] {0, 3, -1}) {
      refused("shared_axes", () -> new PReLU(null, null, null, new int[] {bad}).apply(Input.of(4, 2)));
    }
  }

  @Test
  void axisErrorOfALoadedLayerNamesItsPath() {
    Tensor a = Input.of(4, 2);
    Tensor b = Input.of(4, 2);
    Layer concat = new Concatenate(-1).setName("join");
    Functional model = new Functional(List.of(a, b), List.of(concat.apply(List.of(a, b))), "func");
    JsonObject config = Serialization.serialize(model).getAsJsonObject().deepCopy();
    config.getAsJsonObject("config").getAsJsonArray("layers").forEach(l -> {
      JsonObject c = l.getAsJsonObject().getAsJsonObject("config");
      if (c.get("name").getAsString().equals("join")) {
        c.addProperty("axis", 5);
      }
    });
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> Serialization.deserialize(config, Layer.class));
    assertEquals("Layer 'func/join' (Concatenate): Received an invalid value for argument 'axis': axis 5 is out of "
        + "bounds for inputs of rank 3", e.getMessage());
  }
}
