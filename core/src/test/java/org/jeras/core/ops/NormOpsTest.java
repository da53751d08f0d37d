package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Normalization ops: values from their definitions, finite-difference gradients. */
class NormOpsTest {
  private static INDArray rand(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(3);
  }

  @Test
  void momentsAreMeanAndBiasedVariance() {
    INDArray x = Nd4j.createFromArray(new double[][] {{1, 2, 3, 6}, {0, 0, 4, 4}});
    Tensor[] m = NormOps.moments(Tensor.of(x), false, 1);
    assertEquals(Nd4j.createFromArray(3.0, 2.0), m[0].value());
    assertEquals(Nd4j.createFromArray(3.5, 4.0), m[1].value());
    Tensor[] kept = NormOps.moments(Tensor.of(x), true, 0);
    assertEquals(Nd4j.createFromArray(new double[][] {{0.25, 1, 0.25, 1}}), kept[1].value());
    GradCheck.check(t -> NormOps.moments(t.get(0), false, 0, 2)[0], rand(1, 3, 2, 4));
    GradCheck.check(t -> NormOps.moments(t.get(0), true, 0, 2)[1], rand(2, 3, 2, 4));
  }

  @Test
  void standardizeMatchesItsDefinition() {
    INDArray x = rand(3, 2, 3, 4);
    double eps = 1e-3;
    for (int[] axes : new int[][] {{2}, {1, 2}, {0, 2}, {0, 1, 2}}) {
      Tensor[] m = NormOps.moments(Tensor.of(x), true, axes);
      INDArray want = x.sub(m[0].value()).div(Transforms.sqrt(m[1].value().add(eps)));
      INDArray got = NormOps.standardize(Tensor.of(x), eps, axes).value();
      assertTrue(got.sub(want).amaxNumber().doubleValue() < 1e-12);
      GradCheck.check(t -> NormOps.standardize(t.get(0), eps, axes), x);
    }
  }

  @Test
  void batchNormalizationAlongAnAxis() {
    INDArray x = rand(4, 2, 3, 2);
    INDArray mean = Nd4j.createFromArray(0.1, -0.2, 0.3);
    INDArray var = Nd4j.createFromArray(0.5, 1.5, 2.0);
    INDArray beta = Nd4j.createFromArray(1.0, 0.0, -1.0);
    INDArray gamma = Nd4j.createFromArray(2.0, 0.5, 1.0);
    INDArray got = NormOps.batchNormalization(Tensor.of(x), Tensor.of(mean), Tensor.of(var), 1, Tensor.of(beta),
        Tensor.of(gamma), 1e-3).value();
    for (int c = 0; c < 3; c++) {
      double scale = gamma.getDouble(c) / Math.sqrt(var.getDouble(c) + 1e-3);
      double v = x.getDouble(1, c, 1);
      assertEquals((v - mean.getDouble(c)) * scale + beta.getDouble(c), got.getDouble(1, c, 1), 1e-12);
    }
    GradCheck.check(t -> NormOps.batchNormalization(t.get(0), t.get(1), t.get(2), -2, t.get(3), t.get(4), 1e-3),
        x, mean, var, beta, gamma);
    GradCheck.check(t -> NormOps.batchNormalization(t.get(0), t.get(1), t.get(2), 1, null, null, 1e-3), x, mean, var);
  }

  @Test
  void l2NormalizeClampsTinyNorms() {
    INDArray x = Nd4j.createFromArray(new double[][] {{3, 4}, {0, 0}});
    INDArray y = NormOps.l2Normalize(Tensor.of(x), 1e-12, -1).value();
    assertEquals(Nd4j.createFromArray(new double[][] {{0.6, 0.8}, {0, 0}}), y);
    GradCheck.check(t -> NormOps.l2Normalize(t.get(0), 1e-12, 1, 2), rand(5, 2, 3, 4));
    GradCheck.check(t -> NormOps.l2Normalize(t.get(0), 1e-12, -1), rand(6, 3, 4));
  }
}
