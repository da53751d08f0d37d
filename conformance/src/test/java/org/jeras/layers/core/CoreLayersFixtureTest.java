package org.jeras.layers.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasConfigs;
import org.jeras.conformance.H5Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** CoreLayers checked against files written by real Keras (the fixtures). */
class CoreLayersFixtureTest {

  @Test
  void sequentialMlpMatchesKeras() {
    for (String dir : List.of("", "jax/")) {
      Map<String, INDArray> w = H5Weights.read(Fixtures.file(dir + "seq_mlp.weights.h5"));
      Map<String, INDArray> io = Fixtures.npz(dir + "seq_mlp.io.npz");
      Sequential model = new Sequential();
      model.add(Input.of(8));
      model.add(new Dense(16, "relu"));
      model.add(new Dense(4, "softmax"));
      model.layers().get(0).setWeights(H5Weights.vars(w, "layers/dense"));
      model.layers().get(1).setWeights(H5Weights.vars(w, "layers/dense_1"));
      assertClose(io.get("y"), model.predictOnBatch(io.get("x")));
    }
  }

  @Test
  void denseNoBiasMatchesKeras() {
    Map<String, INDArray> w = H5Weights.read(Fixtures.file("dense_no_bias.weights.h5"));
    Map<String, INDArray> io = Fixtures.npz("dense_no_bias.io.npz");
    Sequential model = (Sequential) Serialization.deserialize(
        KerasConfigs.of("dense_no_bias"), Layer.class);
    int i = 0;
    for (Layer l : model.layers()) {
      String group = i == 0 ? "layers/dense" : "layers/dense_" + i;
      l.setWeights(H5Weights.vars(w, group));
      i++;
    }
    assertClose(io.get("y"), model.predictOnBatch(io.get("x")));
  }

  static void assertClose(INDArray expected, INDArray actual) {
    assertArrayEquals(expected.shape(), actual.shape());
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray a = actual.castTo(DataType.DOUBLE);
    INDArray err = Transforms.abs(e.sub(a)).subi(Transforms.abs(e).muli(1e-5));
    double worst = err.maxNumber().doubleValue();
    assertTrue(worst <= 1e-5, "max |a-b| - 1e-5|b| = " + worst);
  }
}
