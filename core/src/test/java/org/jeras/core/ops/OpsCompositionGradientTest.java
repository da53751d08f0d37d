package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference gradient checks of the {@link Ops} entries that compose several ops. */
class OpsCompositionGradientTest {
  private static INDArray rand(long... shape) {
    Nd4j.getRandom().setSeed(shape.length * 17L + shape[0]);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  private static INDArray positive(long... shape) {
    return rand(shape).addi(1.0);
  }

  @Test
  void scalarArithmeticAndDivideNoNan() {
    GradCheck.check(t -> Ops.divide(2.5, t.get(0)), positive(3, 2));
    GradCheck.check(t -> Ops.subtract(1, t.get(0)), rand(3));
    GradCheck.check(t -> Ops.divideNoNan(t.get(0), t.get(1)), rand(2, 3), positive(3));
    GradCheck.check(t -> Ops.rsqrt(t.get(0)), positive(4));
    GradCheck.check(t -> Ops.where(Ops.notEqual(t.get(0), 0), t.get(0), 0.5), rand(2, 2));
  }

  @Test
  void indexingAndShapes() {
    Tensor idx = Tensor.of(Nd4j.createFromArray(new long[][] {{2, 0}, {1, 1}}));
    GradCheck.check(t -> Ops.take(t.get(0), idx, 1), rand(2, 3, 4));
    GradCheck.check(t -> Ops.take(t.get(0), idx), rand(2, 3));
    GradCheck.check(t -> Ops.slice(t.get(0), new long[] {1, 0}, new long[] {2, 2}), rand(3, 3));
    GradCheck.check(t -> Ops.squeeze(t.get(0)), rand(1, 3, 1));
    GradCheck.check(t -> Ops.flip(t.get(0)), rand(2, 3));
    GradCheck.check(t -> Ops.stack(Ops.unstack(t.get(0), 1), 0), rand(2, 3));
    GradCheck.check(t -> Ops.repeat(t.get(0), 2), rand(2, 2));
    GradCheck.check(t -> Ops.transpose(t.get(0)), rand(2, 3, 4));
  }

  @Test
  void statisticsAndLosses() {
    GradCheck.check(t -> Ops.std(t.get(0), 1), rand(3, 4));
    GradCheck.check(t -> Ops.categoricalCrossentropy(t.get(0), t.get(1), true), positive(2, 3), rand(2, 3));
    Tensor labels = Tensor.of(Nd4j.createFromArray(new long[][] {{2}, {0}}));
    GradCheck.check(t -> Ops.sparseCategoricalCrossentropy(labels, t.get(0), true), rand(2, 3));
    GradCheck.check(t -> Ops.binaryCrossentropy(t.get(0), t.get(1), true), positive(2, 2), rand(2, 2));
  }

  @Test
  void convolutionAndPoolingThroughPaddingNames() {
    GradCheck.check(t -> Ops.conv(t.get(0), t.get(1), 2, "same", 1), rand(1, 5, 2), rand(3, 2, 2));
    GradCheck.check(t -> Ops.depthwiseConv(t.get(0), t.get(1), 1, "same", 1), rand(1, 4, 4, 2), rand(3, 3, 2, 1));
    GradCheck.check(t -> Ops.convTranspose(t.get(0), t.get(1), 2, "same"), rand(1, 3, 2), rand(3, 2, 2));
    GradCheck.check(t -> Ops.averagePool(t.get(0), 2, 1, "same"), rand(1, 5, 2));
  }

  @Test
  void stackedUnstackKeepsValues() {
    INDArray x = rand(2, 3);
    assertEquals(x, Ops.stack(Ops.unstack(Tensor.of(x), 1), 1).value());
    assertEquals(2, Ops.unstack(Tensor.of(x)).size());
  }
}
