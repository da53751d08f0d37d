package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Ops}' own argument handling (scalars, Keras's defaults and axis forms) against derived values. */
class OpsTest {
  private static final double TOL = 1e-6;

  private static Tensor t(double... v) {
    return Tensor.of(Nd4j.createFromArray(v).castTo(DataType.FLOAT));
  }

  private static Tensor t(double[][] v) {
    return Tensor.of(Nd4j.createFromArray(v).castTo(DataType.FLOAT));
  }

  private static double[] values(Tensor x) {
    return x.value().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
  }

  @Test
  void javaNumbersStandForScalarsInTheTensorsDtype() {
    Tensor x = t(3, 6);
    assertArrayEquals(new double[] {1, 2}, values(Ops.divide(x, 3)), TOL);
    assertArrayEquals(new double[] {2, 1}, values(Ops.divide(6, x)), TOL);
    assertArrayEquals(new double[] {-2, 1}, values(Ops.subtract(x, 5)), TOL);
    assertArrayEquals(new double[] {2, -1}, values(Ops.subtract(5, x)), TOL);
    assertArrayEquals(new double[] {4, 7}, values(Ops.add(1, x)), TOL);
    assertArrayEquals(new double[] {1.5, 3}, values(Ops.multiply(x, 0.5)), TOL);
    assertArrayEquals(new double[] {4, 6}, values(Ops.maximum(x, 4)), TOL);
    assertArrayEquals(new double[] {3, 4}, values(Ops.minimum(4, x)), TOL);
    assertEquals(DType.FLOAT32, Ops.divide(x, 3).dtype());
    Tensor ints = Tensor.of(Nd4j.createFromArray(1, 2));
    assertEquals(DType.INT32, Ops.add(ints, 1).dtype());
    Tensor halves = Ops.add(ints, 0.5);
    assertEquals(DType.FLOAT32, halves.dtype());
    assertArrayEquals(new double[] {1.5, 2.5}, values(halves), TOL);
    assertArrayEquals(new double[] {3, 0}, values(Ops.where(Ops.notEqual(x, 6), x, 0)), TOL);
  }

  @Test
  void divideNoNanGivesZeroAndAFiniteGradientWhereTheDivisorIsZero() {
    Variable a = new Variable("a", "a", Nd4j.createFromArray(1f, 2f), true);
    Variable b = new Variable("b", "b", Nd4j.createFromArray(0f, 4f), true);
    List<INDArray> grads;
    Tensor q;
    try (GradientTape tape = GradientTape.record()) {
      q = Ops.divideNoNan(a.read(), b.read());
      grads = tape.gradient(Ops.sum(q), List.of(a, b));
    }
    assertArrayEquals(new double[] {0, 0.5}, values(q), TOL);
    assertArrayEquals(new double[] {0, 0.25}, grads.get(0).castTo(DataType.DOUBLE).toDoubleVector(), TOL);
    assertArrayEquals(new double[] {0, -2.0 / 16}, grads.get(1).castTo(DataType.DOUBLE).toDoubleVector(), TOL);
  }

  @Test
  void takeFollowsNumpyForEveryAxisForm() {
    Tensor x = Tensor.of(Nd4j.arange(24).castTo(DataType.FLOAT).reshape(2, 3, 4));
    Tensor idx = Tensor.of(Nd4j.createFromArray(new long[][] {{2, 0}}));
    Tensor picked = Ops.take(x, idx, 1);
    assertArrayEquals(new long[] {2, 1, 2, 4}, picked.value().shape());
    // x[i, j, k] = 12 i + 4 j + k; picked[i, 0, m, k] = x[i, idx[m], k].
    assertEquals(12 + 8 + 3, picked.value().getDouble(1, 0, 0, 3), 0);
    assertEquals(12 + 0 + 1, picked.value().getDouble(1, 0, 1, 1), 0);
    Tensor last = Ops.take(x, Tensor.of(Nd4j.createFromArray(3L, 1L)), -1);
    assertArrayEquals(new long[] {2, 3, 2}, last.value().shape());
    assertEquals(4 + 3, last.value().getDouble(0, 1, 0), 0);
    assertArrayEquals(new double[] {5, 23}, values(Ops.take(x, Tensor.of(Nd4j.createFromArray(5L, 23L)))), 0);
    assertArrayEquals(new double[] {3, 7, 11, 15, 19, 23}, values(Ops.take(x, -1, 2)), 0);
    assertThrows(OpShapeException.class, () -> Ops.take(x, idx, 3));
  }

  @Test
  void shapeOpsTakeKerasDefaults() {
    Tensor x = t(new double[][] {{0, 1, 2}, {3, 4, 5}});
    assertArrayEquals(new double[] {1, 2, 4, 5}, values(Ops.slice(x, new long[] {0, 1}, new long[] {2, 2})), 0);
    assertArrayEquals(new long[] {3, 2}, Ops.transpose(x).value().shape());
    assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, values(Ops.transpose(x)), 0);
    assertArrayEquals(new double[] {5, 4, 3, 2, 1, 0}, values(Ops.flip(x)), 0);
    assertArrayEquals(new long[] {3}, Ops.squeeze(Ops.reshape(t(1, 2, 3), 1, 3, 1)).value().shape());
    List<Tensor> columns = Ops.unstack(x, 1);
    assertEquals(3, columns.size());
    assertArrayEquals(new double[] {2, 5}, values(columns.get(2)), 0);
    assertArrayEquals(new long[] {4, 3}, Ops.concatenate(List.of(x, x)).value().shape());
    assertArrayEquals(new long[] {2, 2, 3}, Ops.stack(List.of(x, x)).value().shape());
    assertArrayEquals(new double[] {0, 0, 1, 1}, values(Ops.repeat(t(0, 1), 2)), 0);
    assertArrayEquals(new double[] {9, 0, 1, 9}, values(Ops.pad(t(0, 1), new long[][] {{1, 1}}, 9)), 0);
  }

  @Test
  void reductionsDefaultToEveryAxis() {
    Tensor x = t(new double[][] {{1, 2}, {3, 4}});
    assertEquals(10, Ops.sum(x).value().getDouble(0), TOL);
    assertArrayEquals(new double[] {4, 6}, values(Ops.sum(x, 0)), TOL);
    assertArrayEquals(new long[] {2, 1}, Ops.mean(x, new int[] {1}, true).value().shape());
    assertEquals(1.25, Ops.var(x).value().getDouble(0), TOL);
    assertEquals(Math.sqrt(1.25), Ops.std(x).value().getDouble(0), TOL);
    assertEquals(4, Ops.amax(x).value().getDouble(0), TOL);
    assertEquals(3, Ops.argmax(x).value().getDouble(0), 0);
    assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3) + Math.exp(4)), Ops.logsumexp(x).value().getDouble(0), 1e-5);
  }

  @Test
  void activationsUseKerasDefaults() {
    Tensor x = t(-1, 2);
    assertArrayEquals(new double[] {-0.2, 2}, values(Ops.leakyRelu(x)), TOL);
    double c = Math.sqrt(2 / Math.PI);
    double tanhGelu = 0.5 * 2 * (1 + Math.tanh(c * (2 + 0.044715 * 8)));
    assertEquals(tanhGelu, values(Ops.gelu(x))[1], 1e-6);
    assertArrayEquals(new double[] {1 / (1 + Math.E * Math.E * Math.E), 1 / (1 + Math.exp(-3))},
        values(Ops.softmax(x)), TOL);
    assertArrayEquals(new double[] {-0.5, 1.5}, values(Ops.softShrink(x)), TOL);
    assertArrayEquals(new double[] {0.6, 0.8}, values(Ops.normalize(t(3, 4))), TOL);
  }

  @Test
  void convolutionsAndPoolingTakePaddingNames() {
    Tensor x = Tensor.of(Nd4j.createFromArray(1f, 2f, 3f).reshape(1, 3, 1));
    Tensor k = Tensor.of(Nd4j.createFromArray(1f, 1f).reshape(2, 1, 1));
    assertArrayEquals(new double[] {3, 5}, values(Ops.conv(x, k)), TOL);
    // "same": output ceil(3 / 1) = 3, one zero after the input.
    assertArrayEquals(new double[] {3, 5, 3}, values(Ops.conv(x, k, 1, "same", 1)), TOL);
    assertArrayEquals(new double[] {3, 5, 3}, values(Ops.conv(x, k, 1, "SAME", 1)), TOL);
    Tensor seq = Tensor.of(Nd4j.createFromArray(1f, 3f, 2f, 5f).reshape(1, 4, 1));
    assertArrayEquals(new double[] {3, 5}, values(Ops.maxPool(seq, 2)), TOL);
    assertArrayEquals(new double[] {2, 3.5}, values(Ops.averagePool(seq, 2)), TOL);
    // "same" with stride 1: windows [1,3] [3,2] [2,5] [5].
    assertArrayEquals(new double[] {3, 3, 5, 5}, values(Ops.maxPool(seq, 2, 1, "same")), TOL);
    assertThrows(RuntimeException.class, () -> Ops.conv(x, k, 1, "full", 1));
  }

  @Test
  void oneHotAndCrossentropies() {
    Tensor labels = Tensor.of(Nd4j.createFromArray(1L, 0L));
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, values(Ops.oneHot(labels, 3)), 0);
    assertArrayEquals(new long[] {3, 2}, Ops.oneHot(labels, 3, 0).value().shape());
    Tensor p = t(new double[][] {{0.2, 0.8}, {0.6, 0.4}});
    double[] expected = {-Math.log(0.8), -Math.log(0.6)};
    assertArrayEquals(expected, values(Ops.sparseCategoricalCrossentropy(labels, p)), 1e-6);
    assertArrayEquals(expected, values(Ops.categoricalCrossentropy(Ops.oneHot(labels, 2), p)), 1e-6);
    Tensor logits = Ops.log(p);
    assertArrayEquals(expected, values(Ops.sparseCategoricalCrossentropy(labels, logits, true)), 1e-6);
    assertArrayEquals(new double[] {-Math.log(0.25), -Math.log(0.75)},
        values(Ops.binaryCrossentropy(t(1, 0), t(0.25, 0.25))), 1e-6);
  }

  @Test
  void constantsAndAccessors() {
    assertArrayEquals(new double[] {0, 0, 0}, values(Ops.zeros(3)), 0);
    assertArrayEquals(new double[] {1, 1}, values(Ops.ones(1, 2)), 0);
    assertArrayEquals(new double[] {7, 7}, values(Ops.full(new long[] {2}, 7)), 0);
    Tensor x = Ops.zeros(2, 3);
    assertEquals(2, Ops.ndim(x));
    assertEquals(6, Ops.size(x));
    assertEquals(DType.FLOAT32, Ops.dtype(x));
    assertThrows(TensorLimitException.class, () -> Ops.zeros(-1));
  }
}
