package org.jeras.layers.activations;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.conformance.KerasModels;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationLayersFixtureTest {
  private static final Set<String> MINE = Set.of("ReLU", "LeakyReLU", "PReLU", "ELU");

  /**
   * The activations fixture applies 16 layers to one Dense output; the Softmax layer is not part of
   * this family, so the layers of this family (outputs 11, 12, 14, 15) are rebuilt from their Keras
   * dicts and run on the Dense output.
   */
  @Test
  void fixtureMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      String name = dir + "activations";
      Map<String, Layer> byName = new LinkedHashMap<>();
      for (JsonElement e : KerasModels.config(name).getAsJsonObject("config").getAsJsonArray("layers")) {
        JsonObject d = e.getAsJsonObject();
        String cls = d.get("class_name").getAsString();
        if (MINE.contains(cls) || cls.equals("Dense")) {
          byName.put(d.getAsJsonObject("config").get("name").getAsString(), Serialization.deserialize(d, Layer.class));
        }
      }
      Map<String, INDArray> w = KerasModels.weights(name);
      Layer pre = byName.get("pre");
      pre.setWeights(KerasModels.vars(w, "layers/dense"));
      Tensor h = pre.apply(Tensor.of(KerasModels.inputs(name).get(0)));
      Layer prelu = byName.get("prelu_layer");
      prelu.apply(h);
      prelu.setWeights(KerasModels.vars(w, "layers/p_re_lu"));
      List<INDArray> ys = KerasModels.outputs(name);
      Map<String, Integer> outputIndex = Map.of("leakyrelu_layer", 11, "relu_layer", 12, "elu_layer", 14, "prelu_layer", 15);
      outputIndex.forEach((layer, i) -> KerasModels.assertClose(ys.get(i), byName.get(layer).apply(h).value(), name + " " + layer));
    }
  }

  /** The whole fixture model (with the Softmax layer of the activations family) reproduces Keras. */
  @Test
  void wholeFixtureModelMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      KerasModels.assertReproduces(dir + "activations");
    }
  }

  @Test
  void fixtureConfigsRoundTrip() {
    assertEquals(4, KerasModels.assertLayerConfigsRoundTrip("activations", MINE));
  }

  @Test
  void reluMath() {
    Tensor x = Tensor.of(Nd4j.create(new double[][] {{-2, 0.1, 0.3, 0.9, 3}}));
    // max 1, slope 0.1, threshold 0.2: x if x >= 0.2 (capped at 1), else 0.1 * (x - 0.2).
    KerasModels.assertClose(Nd4j.create(new double[][] {{-0.22, -0.01, 0.3, 0.9, 1}}),
        f64(new ReLU(1.0, 0.1, 0.2)).apply(x).value(), "relu");
    KerasModels.assertClose(Nd4j.create(new double[][] {{-0.6, 0.1, 0.3, 0.9, 3}}), f64(new LeakyReLU()).apply(x).value(), "leaky");
    KerasModels.assertClose(Nd4j.create(new double[][] {{0.5 * (Math.exp(-2) - 1), 0.1, 0.3, 0.9, 3}}),
        f64(new ELU(0.5)).apply(x).value(), "elu");
  }
}
