package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The fast paths under the ops agree with ND4J's ordinary API and have correct gradients. */
class KernelsTest {
  private static INDArray rand(DataType dtype, long... shape) {
    Nd4j.getRandom().setSeed(shape.length * 17L + shape[0] * 3 + shape[shape.length - 1]);
    return Nd4j.rand(dtype, shape).subi(0.5);
  }

  @Test
  void matmulEveryTransposeAndShapeMatchesMmul() {
    for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      for (long m : new long[] {1, 3}) {
        INDArray a = rand(dt, m, 4);
        INDArray b = rand(dt, 4, 5);
        double tol = dt == DataType.FLOAT ? 1e-5 : 1e-12;
        assertClose(a.mmul(b), Kernels.matmul(a, false, b, false), tol);
        assertClose(a.mmul(b), Kernels.matmul(a.transpose().dup(), true, b, false), tol);
        assertClose(a.mmul(b), Kernels.matmul(a, false, b.transpose().dup(), true), tol);
        assertClose(a.mmul(b), Kernels.matmul(a.transpose().dup(), true, b.transpose().dup(), true), tol);
        // Views (transposed, offset) take ND4J's own path.
        assertClose(a.mmul(b), Kernels.matmul(a.transpose(), true, b, false), tol);
        INDArray rows = rand(dt, m + 2, 4).get(NDArrayIndex.interval(2, m + 2));
        assertClose(rows.dup().mmul(b), Kernels.matmul(rows, false, b, false), tol);
      }
    }
  }

  @Test
  void singleRowAndAffineGradients() {
    GradCheck.check(t -> LinalgOps.matmul(t.get(0), t.get(1)), rand(DataType.DOUBLE, 1, 4), rand(DataType.DOUBLE, 4, 5));
    GradCheck.check(t -> LinalgOps.matmul(t.get(0), t.get(1)), rand(DataType.DOUBLE, 3, 1), rand(DataType.DOUBLE, 1, 5));
    GradCheck.check(t -> LinalgOps.affine(t.get(0), t.get(1), t.get(2)),
        rand(DataType.DOUBLE, 3, 4), rand(DataType.DOUBLE, 4, 5), rand(DataType.DOUBLE, 5));
    // A constant operand gets no gradient; the other still does.
    Tensor constant = Tensor.of(rand(DataType.DOUBLE, 3, 4));
    GradCheck.check(t -> LinalgOps.matmul(constant, t.get(0)), rand(DataType.DOUBLE, 4, 5));
    GradCheck.check(t -> LinalgOps.affine(constant, t.get(0), t.get(1)), rand(DataType.DOUBLE, 4, 5), rand(DataType.DOUBLE, 5));
    GradCheck.check(t -> MathOps.add(t.get(0), t.get(1)), rand(DataType.DOUBLE, 2, 3, 4), rand(DataType.DOUBLE, 1, 4));
    GradCheck.check(t -> MathOps.div(t.get(0), t.get(1)), rand(DataType.DOUBLE, 3, 1), rand(DataType.DOUBLE, 4).addi(2.0));
    GradCheck.check(t -> LinalgOps.affine(t.get(0), t.get(1), t.get(2)),
        rand(DataType.DOUBLE, 1, 4), rand(DataType.DOUBLE, 4, 5), rand(DataType.DOUBLE, 5));
    GradCheck.check(t -> LinalgOps.affine(t.get(0), t.get(1), t.get(2)),
        rand(DataType.DOUBLE, 2, 3, 4), rand(DataType.DOUBLE, 4, 5), rand(DataType.DOUBLE, 5));
  }

  @Test
  void inPlaceActivationsOnAFreshProductAreDifferentiable() {
    INDArray x = rand(DataType.DOUBLE, 3, 4);
    INDArray w = rand(DataType.DOUBLE, 4, 5);
    INDArray b = rand(DataType.DOUBLE, 5);
    GradCheck.check(t -> NnOps.reluInPlace(LinalgOps.affine(t.get(0), t.get(1), t.get(2))), x, w, b);
    GradCheck.check(t -> NnOps.softmaxInPlace(LinalgOps.affine(t.get(0), t.get(1), t.get(2)), -1), x, w, b);
    GradCheck.check(t -> NnOps.reluInPlace(LinalgOps.matmul(t.get(0), t.get(1))), rand(DataType.DOUBLE, 2, 3, 4), w);
  }

  @Test
  void affineIsProductPlusBias() {
    INDArray x = rand(DataType.FLOAT, 3, 4);
    INDArray w = rand(DataType.FLOAT, 4, 5);
    INDArray b = rand(DataType.FLOAT, 5);
    INDArray expected = x.mmul(w).addiRowVector(b);
    assertClose(expected, LinalgOps.affine(Tensor.of(x), Tensor.of(w), Tensor.of(b)).value(), 1e-6);
  }

  @Test
  void inPlaceActivationsMatchTheirOpsAndOverwrite() {
    for (Activation act : new Activation[] {Activations.RELU, Activations.SOFTMAX, Activations.TANH}) {
      INDArray x = rand(DataType.FLOAT, 3, 5);
      INDArray expected = act.apply(Tensor.of(x)).value();
      INDArray owned = x.dup();
      INDArray got = act.applyInPlace(Tensor.of(owned)).value();
      assertClose(expected, got, 1e-7);
      if (act != Activations.TANH) {
        assertTrue(got == owned || got.data() == owned.data(), "in place");
      }
    }
  }

  private static void assertClose(INDArray expected, INDArray actual, double tol) {
    assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()));
    double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    assertTrue(diff <= tol, "max difference " + diff);
  }
}
