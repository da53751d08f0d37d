package org.jeras.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.H5Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class H5WeightsTest {
  @Test
  void readsKerasWeightsFile() {
    Map<String, INDArray> w = H5Weights.read(Fixtures.file("seq_mlp.weights.h5"));
    assertArrayEquals(new long[] {8, 16}, w.get("layers/dense/vars/0").shape());
    assertArrayEquals(new long[] {4}, w.get("layers/dense_1/vars/1").shape());
    assertEquals(2, H5Weights.vars(w, "layers/dense").size());
  }
}
