package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gradients of the activation ops (float64 finite differences) and values derived by hand. */
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
}
