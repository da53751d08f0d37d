package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jeras.core.activations.Activations;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.Fixtures;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gradients of the activation ops (float64 finite differences) and their outputs on the Keras fixture. */
class ActivationOpsTest {
  /** Values spread over [-4, 4], so every branch of every piecewise function is exercised. */
  private static INDArray spread(long seed) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, 3, 8).subi(0.5).muli(8.0);
  }

  private static void check(UnaryOperator<Tensor> op) {
    GradCheck.check(t -> op.apply(t.get(0)), spread(7));
    GradCheck.check(t -> op.apply(t.get(0)), spread(11));
  }

  @Test
  void elementwiseGradients() {
    check(NnOps::relu6);
    check(x -> NnOps.leakyRelu(x, 0.2));
    check(x -> NnOps.relu(x, 0.1, 1.0, 0.2));
    check(x -> NnOps.relu(x, 0.0, 6.0, 0.0));
    check(x -> NnOps.relu(x, 0.3, null, -0.5));
    check(x -> NnOps.elu(x, 0.5));
    check(NnOps::selu);
    check(NnOps::softplus);
    check(NnOps::softsign);
    check(x -> NnOps.softShrink(x, 0.5));
    check(x -> NnOps.hardShrink(x, 0.5));
    check(NnOps::tanhShrink);
    check(NnOps::hardTanh);
    check(x -> NnOps.threshold(x, 0.3, -2.0));
    check(NnOps::sparsePlus);
    check(NnOps::sparseSigmoid);
    check(NnOps::silu);
    check(x -> NnOps.squareplus(x, 4));
    check(x -> NnOps.gelu(x, false));
    check(x -> NnOps.gelu(x, true));
    check(x -> NnOps.celu(x, 1.5));
    check(NnOps::hardSigmoid);
    check(NnOps::hardSilu);
    check(NnOps::mish);
    check(NnOps::logSigmoid);
  }

  @Test
  void axisGradients() {
    check(x -> NnOps.glu(x, -1));
    check(x -> NnOps.glu(x, 1));
    check(x -> NnOps.sparsemax(x, -1));
    GradCheck.check(t -> NnOps.sparsemax(t.get(0), 0), spread(13).reshape(4, 6).dup());
    GradCheck.check(t -> NnOps.glu(t.get(0), 0), spread(17).reshape(4, 6).dup());
  }

  @Test
  void relu6AndSparsemaxValues() {
    INDArray x = Nd4j.createFromArray(new double[][] {{-1.0, 3.0, 7.5}, {0.2, 0.1, 0.0}});
    assertEquals(Nd4j.createFromArray(new double[][] {{0.0, 3.0, 6.0}, {0.2, 0.1, 0.0}}), NnOps.relu6(Tensor.of(x)).value());
    // Along axis 0 each column is a pair. (-1, 0.2): sorted (0.2, -1), r = 2 gives
    // -1 - (-0.8 - 1) / 2 = -0.1 <= 0, so k = 1, tau = 0.2 - 1 = -0.8 and the result is (0, 1).
    INDArray s = NnOps.sparsemax(Tensor.of(x), 0).value();
    assertEquals(0.0, s.getDouble(0, 0), 1e-12);
    assertEquals(1.0, s.getDouble(1, 0), 1e-12);
    // (3, 0.1): 0.1 - (3.1 - 1)/2 < 0 -> tau = 2 -> (1, 0).
    assertEquals(1.0, s.getDouble(0, 1), 1e-12);
    assertEquals(0.0, s.getDouble(1, 1), 1e-12);
  }

  /** Outputs of the {@code activations} fixture (real Keras, float32) from its Dense layer's output. */
  @Test
  void matchKerasOnTheActivationsFixture() throws Exception {
    INDArray kernel;
    INDArray bias;
    try (HdfFile h5 = new HdfFile(Fixtures.file("activations.weights.h5"))) {
      kernel = Nd4j.create((float[][]) h5.getDatasetByPath("layers/dense/vars/0").getData());
      bias = Nd4j.createFromArray((float[]) h5.getDatasetByPath("layers/dense/vars/1").getData());
    }
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
