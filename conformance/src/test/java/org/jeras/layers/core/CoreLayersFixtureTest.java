package org.jeras.layers.core;


import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasConfigs;
import org.jeras.conformance.KerasModels;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** CoreLayers checked against files written by real Keras (the fixtures). */
class CoreLayersFixtureTest {

  @Test
  void sequentialMlpMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      Map<String, INDArray> w = KerasModels.weights(dir + "seq_mlp");
      Map<String, INDArray> io = Fixtures.npz(dir + "seq_mlp.io.npz");
      Sequential model = new Sequential();
      model.add(Input.of(8));
      model.add(new Dense(16, "relu"));
      model.add(new Dense(4, "softmax"));
      model.layers().get(0).setWeights(KerasModels.vars(w, "layers/dense"));
      model.layers().get(1).setWeights(KerasModels.vars(w, "layers/dense_1"));
      KerasModels.assertClose(io.get("y"), model.predictOnBatch(io.get("x")), "output");
    }
  }

  @Test
  void denseNoBiasMatchesKeras() {
    Map<String, INDArray> w = KerasModels.weights("dense_no_bias");
    Map<String, INDArray> io = Fixtures.npz("dense_no_bias.io.npz");
    Sequential model = (Sequential) Serialization.deserialize(
        KerasConfigs.of("dense_no_bias"), Layer.class);
    int i = 0;
    for (Layer l : model.layers()) {
      String group = i == 0 ? "layers/dense" : "layers/dense_" + i;
      l.setWeights(KerasModels.vars(w, group));
      i++;
    }
    KerasModels.assertClose(io.get("y"), model.predictOnBatch(io.get("x")), "output");
  }
}
