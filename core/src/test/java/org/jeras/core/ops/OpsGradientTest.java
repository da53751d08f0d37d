package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OpsGradientTest {
  private static INDArray rand(long... shape) {
    Nd4j.getRandom().setSeed(shape.length * 31L + shape[0]);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  private static INDArray positive(long... shape) {
    return rand(shape).addi(1.0);
  }

  @Test
  void elementwiseBinaryWithBroadcasting() {
    GradCheck.check(t -> MathOps.add(t.get(0), t.get(1)), rand(3, 4), rand(4));
    GradCheck.check(t -> MathOps.sub(t.get(0), t.get(1)), rand(3, 1), rand(1, 4));
    GradCheck.check(t -> MathOps.mul(t.get(0), t.get(1)), rand(2, 3, 4), rand(3, 1));
    GradCheck.check(t -> MathOps.div(t.get(0), t.get(1)), rand(3, 4), positive(3, 4));
    GradCheck.check(t -> MathOps.maximum(t.get(0), t.get(1)), rand(3, 4), rand(3, 4).addi(0.05));
    GradCheck.check(t -> MathOps.minimum(t.get(0), t.get(1)), rand(3, 4), rand(3, 4).addi(0.05));
    GradCheck.check(t -> MathOps.where(Tensor.of(Nd4j.createFromArray(true, false, true, false)), t.get(0), t.get(1)),
        rand(3, 4), rand(4));
  }

  @Test
  void elementwiseUnary() {
    GradCheck.check(t -> MathOps.neg(t.get(0)), rand(3, 4));
    GradCheck.check(t -> MathOps.square(t.get(0)), rand(3, 4));
    GradCheck.check(t -> MathOps.sqrt(t.get(0)), positive(3, 4));
    GradCheck.check(t -> MathOps.exp(t.get(0)), rand(3, 4));
    GradCheck.check(t -> MathOps.log(t.get(0)), positive(3, 4));
    GradCheck.check(t -> MathOps.log1p(t.get(0)), positive(3, 4));
    GradCheck.check(t -> MathOps.abs(t.get(0)), rand(3, 4));
    GradCheck.check(t -> MathOps.pow(t.get(0), 3.0), rand(3, 4));
    GradCheck.check(t -> MathOps.reciprocal(t.get(0)), positive(3, 4));
    GradCheck.check(t -> MathOps.clip(t.get(0), -0.2, 0.3), rand(3, 4));
    GradCheck.check(t -> MathOps.add(MathOps.mul(t.get(0), 3.0), 1.0), rand(3, 4));
    GradCheck.check(t -> MathOps.rsub(2.0, t.get(0)), rand(3, 4));
  }

  @Test
  void reductions() {
    GradCheck.check(t -> ReduceOps.sum(t.get(0), false, 1), rand(3, 4, 2));
    GradCheck.check(t -> ReduceOps.sum(t.get(0), true, 0, 2), rand(3, 4, 2));
    GradCheck.check(t -> ReduceOps.mean(t.get(0), false, -1), rand(3, 4));
    GradCheck.check(t -> ReduceOps.mean(t.get(0)), rand(3, 4));
    GradCheck.check(t -> ReduceOps.max(t.get(0), false, 1), rand(3, 4));
    GradCheck.check(t -> ReduceOps.min(t.get(0), true, 0), rand(3, 4));
    GradCheck.check(t -> ReduceOps.logSumExp(t.get(0), false, 1), rand(3, 4));
  }

  @Test
  void shapes() {
    GradCheck.check(t -> ArrayOps.reshape(t.get(0), 4, 3), rand(3, 4));
    GradCheck.check(t -> ArrayOps.expandDims(t.get(0), -1), rand(3, 4));
    GradCheck.check(t -> ArrayOps.squeeze(t.get(0), 1), rand(3, 1, 4));
    GradCheck.check(t -> ArrayOps.transpose(t.get(0), 2, 0, 1), rand(2, 3, 4));
    GradCheck.check(t -> ArrayOps.concat(List.of(t.get(0), t.get(1)), 1), rand(2, 3), rand(2, 5));
    GradCheck.check(t -> ArrayOps.stack(List.of(t.get(0), t.get(1)), 0), rand(2, 3), rand(2, 3));
    GradCheck.check(t -> ArrayOps.slice(t.get(0), 1, 1, 3), rand(2, 4));
    GradCheck.check(t -> ArrayOps.take(t.get(0), -1, 2), rand(2, 4));
    GradCheck.check(t -> ArrayOps.pad(t.get(0), new long[][] {{1, 0}, {2, 1}}, 0.0), rand(2, 3));
    GradCheck.check(t -> ArrayOps.repeat(t.get(0), 3, 1), rand(2, 3));
    GradCheck.check(t -> ArrayOps.gather(t.get(0), Tensor.of(Nd4j.createFromArray(new int[][] {{0, 2}, {2, 1}}))), rand(4, 3));
  }

  @Test
  void nn() {
    GradCheck.check(t -> LinalgOps.matmul(t.get(0), t.get(1)), rand(3, 4), rand(4, 5));
    GradCheck.check(t -> LinalgOps.matmul(t.get(0), t.get(1)), rand(2, 3, 4), rand(4, 5));
    GradCheck.check(t -> LinalgOps.matmul(t.get(0), t.get(1)), rand(2, 3, 4), rand(2, 4, 5));
    GradCheck.check(t -> NnOps.relu(t.get(0)), rand(3, 4));
    GradCheck.check(t -> NnOps.sigmoid(t.get(0)), rand(3, 4));
    GradCheck.check(t -> NnOps.tanh(t.get(0)), rand(3, 4));
    GradCheck.check(t -> NnOps.softmax(t.get(0), -1), rand(3, 4));
    GradCheck.check(t -> NnOps.softmax(t.get(0), 0), rand(3, 4));
    GradCheck.check(t -> NnOps.logSoftmax(t.get(0), 1), rand(3, 4));
  }

  @Test
  void forwardValues() {
    Tensor a = Tensor.of(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
    assertEquals(10f, ReduceOps.sum(a).value().getFloat(0), 0f);
    assertEquals(2.5f, ReduceOps.mean(a).value().getFloat(0), 0f);
    assertEquals(Nd4j.createFromArray(new float[][] {{7, 10}, {15, 22}}), LinalgOps.matmul(a, a).value());
  }

  /**
   * float64 to float32 and back: on a grid of multiples of 1/64 with a step of 1/64 every value
   * is exact in float32, so central differences are exact and must equal the tape's gradient.
   */
  @Test
  void castBetweenFloats() {
    INDArray x = Nd4j.createFromArray(-0.75, 0.5, 0.125, 0.875, -0.25, 0.0625).reshape(2, 3);
    INDArray r = Nd4j.createFromArray(1.5, -2.0, 0.25, 3.0, -0.5, 1.0).reshape(2, 3);
    Function<Tensor, Tensor> f = v -> ReduceOps.sum(MathOps.mul(
        MathOps.cast(MathOps.square(MathOps.cast(v, DType.FLOAT32)),
            DType.FLOAT64), Tensor.of(r)));
    INDArray analytic;
    try (GradientTape tape = GradientTape.record()) {
      Tensor watched = tape.watch(Tensor.of(x));
      analytic = tape.gradientOfTensors(f.apply(watched), List.of(watched)).get(0);
    }
    assertEquals(DataType.DOUBLE, analytic.dataType());
    double step = 1.0 / 64;
    for (int i = 0; i < x.length(); i++) {
      INDArray up = x.dup();
      INDArray down = x.dup();
      up.putScalar(i, x.getDouble(i) + step);
      down.putScalar(i, x.getDouble(i) - step);
      double central = (f.apply(Tensor.of(up)).value().getDouble(0) - f.apply(Tensor.of(down)).value().getDouble(0))
          / (2 * step);
      assertEquals(central, analytic.getDouble(i), 0.0, "element " + i);
    }
  }
}
