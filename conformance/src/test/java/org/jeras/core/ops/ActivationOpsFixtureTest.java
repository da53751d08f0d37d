package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.activations.Activations;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The activation ops on the {@code activations} fixture: Keras's outputs from its Dense layer's output. */
class ActivationOpsFixtureTest {
  /** Outputs of the {@code activations} fixture (real Keras, float32) from its Dense layer's output. */
  @Test
  void matchKerasOnTheActivationsFixture() throws Exception {
    Map<String, INDArray> weights = KerasModels.weights("activations");
    INDArray kernel = weights.get("layers/dense/vars/0");
    INDArray bias = weights.get("layers/dense/vars/1");
    Map<String, INDArray> io = Fixtures.npz("activations.io.npz");
    INDArray pre = io.get("x").castTo(DataType.FLOAT).mmul(kernel).addiRowVector(bias);
    Tensor p = Tensor.of(pre);
    Map<String, Tensor> expected = Map.ofEntries(
        Map.entry("y0", Activations.get("relu").apply(p)),
        Map.entry("y1", Activations.get("gelu").apply(p)),
        Map.entry("y2", Activations.get("tanh").apply(p)),
        Map.entry("y3", Activations.get("sigmoid").apply(p)),
        Map.entry("y4", Activations.get("softmax").apply(p)),
        Map.entry("y5", Activations.get("elu").apply(p)),
        Map.entry("y6", Activations.get("selu").apply(p)),
        Map.entry("y7", Activations.get("softplus").apply(p)),
        Map.entry("y8", Activations.get("silu").apply(p)),
        Map.entry("y9", Activations.get("hard_sigmoid").apply(p)),
        Map.entry("y10", Activations.get("leaky_relu").apply(p)),
        Map.entry("y11", NnOps.leakyRelu(p, 0.2)),
        Map.entry("y12", NnOps.relu(p, 0.1, 1.0, 0.2)),
        Map.entry("y13", NnOps.softmax(p, -1)),
        Map.entry("y14", NnOps.elu(p, 0.5)));
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      INDArray want = io.get(e.getKey());
      INDArray got = e.getValue().value();
      for (long i = 0; i < want.length(); i++) {
        double w = want.getDouble(i);
        assertEquals(w, got.getDouble(i), 2e-6 * Math.max(1, Math.abs(w)), e.getKey() + " at " + i);
      }
    }
  }
}
