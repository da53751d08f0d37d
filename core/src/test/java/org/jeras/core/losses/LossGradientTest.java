package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference checks (float64) of every loss's per-sample values and of the reductions. */
class LossGradientTest {
  private static INDArray uniform(long seed, double lo, double hi, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).muli(hi - lo).addi(lo);
  }

  /** Probabilities away from the clip bounds. */
  private static INDArray probs(long seed, long... shape) {
    return uniform(seed, 0.05, 0.95, shape);
  }

  private static Function<List<Tensor>, Tensor> both(Loss loss) {
    return t -> loss.call(t.get(0), t.get(1));
  }

  private static Function<List<Tensor>, Tensor> predOnly(Loss loss, INDArray yTrue) {
    return t -> loss.call(Tensor.of(yTrue), t.get(0));
  }

  @Test
  void regressionLosses() {
    INDArray t = uniform(1, -1, 1, 3, 4);
    INDArray p = uniform(2, -1, 1, 3, 4);
    GradCheck.check(both(new MeanSquaredError()), t, p);
    GradCheck.check(both(new MeanAbsoluteError()), t, p);
    GradCheck.check(both(new MeanAbsolutePercentageError()), t, p);
    GradCheck.check(both(new Huber(0.4)), t, p);
    GradCheck.check(both(new LogCosh()), t, p);
    GradCheck.check(both(new CosineSimilarity()), t, p);
    GradCheck.check(both(new CosineSimilarity(0)), t, p);
    INDArray positiveT = uniform(3, 0.1, 2, 3, 4);
    INDArray positiveP = uniform(4, 0.1, 2, 3, 4);
    GradCheck.check(both(new MeanSquaredLogarithmicError()), positiveT, positiveP);
    GradCheck.check(both(new Poisson()), positiveT, positiveP);
  }

  @Test
  void rankAlignmentIsDifferentiable() {
    // y_true (3,) against y_pred (3, 1): Keras expands y_true to (3, 1)
    GradCheck.check(both(new MeanSquaredError()), uniform(5, -1, 1, 3), uniform(6, -1, 1, 3, 1));
  }

  @Test
  void hingeLosses() {
    INDArray signed = Nd4j.createFromArray(new double[][] {{-1, 1, 1}, {1, -1, -1}});
    INDArray p = Nd4j.createFromArray(new double[][] {{0.3, -0.4, 0.6}, {0.2, 0.5, -1.7}});
    GradCheck.check(both(new Hinge()), signed, p);
    GradCheck.check(both(new SquaredHinge()), signed, p);
    // 0/1 labels are mapped to -1/1; only y_pred is differentiable there
    INDArray binary = Nd4j.createFromArray(new double[][] {{0, 1, 1}, {1, 0, 0}});
    GradCheck.check(predOnly(new Hinge(), binary), p);
    GradCheck.check(predOnly(new SquaredHinge(), binary), p);
    GradCheck.check(both(new CategoricalHinge()), binary, p);
  }

  @Test
  void probabilisticLosses() {
    INDArray t = probs(7, 3, 4);
    INDArray p = probs(8, 3, 4);
    GradCheck.check(both(new KLDivergence()), t, p);
    GradCheck.check(both(new BinaryCrossentropy()), t, p);
    GradCheck.check(both(new BinaryCrossentropy(false, 0.2, -1)), t, p);
    GradCheck.check(both(new BinaryCrossentropy(true, 0.0, -1)), t, uniform(9, -3, 3, 3, 4));
    GradCheck.check(both(new BinaryFocalCrossentropy()), t, p);
    GradCheck.check(both(new BinaryFocalCrossentropy(true, 0.3, 1.5, true, 0.1, -1)), t, uniform(10, -3, 3, 3, 4));
    GradCheck.check(both(new CategoricalCrossentropy()), t, p);
    GradCheck.check(both(new CategoricalFocalCrossentropy()), t, p);
    GradCheck.check(both(new CategoricalFocalCrossentropy(0.4, 1.5, true, 0.1, -1)), t, uniform(24, -3, 3, 3, 4));
    GradCheck.check(both(new CategoricalCrossentropy(true, 0.1, -1)), t, uniform(11, -3, 3, 3, 4));
    GradCheck.check(both(new CategoricalCrossentropy(false, 0.0, 0)), t, p);
    GradCheck.check(both(new CategoricalCrossentropy()), t, probs(19, 3, 4).muli(3.0));
    GradCheck.check(both(new CategoricalCrossentropy()), probs(22, 4), probs(23, 4));
    GradCheck.check(both(new CategoricalCrossentropy()), probs(24, 2, 3, 4), probs(25, 2, 3, 4));
    // The fused op itself, unnormalized probabilities included (it divides by their sum).
    GradCheck.check(in -> LossOps.categoricalCrossentropy(in.get(0), in.get(1)), probs(26, 3, 4), probs(27, 3, 4).muli(2.0));
  }

  @Test
  void fusedCategoricalCrossentropyMatchesTheComposedForm() {
    // Unnormalized, with one entry far below epsilon after normalization (clipped: no gradient through it).
    INDArray t = probs(20, 5, 4);
    INDArray p = probs(21, 5, 4).muli(2.0);
    p.putScalar(0, 1, 1e-12);
    INDArray[] fused = valueAndGradients(new CategoricalCrossentropy(false, 0.0, -1), t, p);
    // axis 0 of the transposed arrays takes the composed path
    INDArray[] composed = valueAndGradients(new CategoricalCrossentropy(false, 0.0, 0), t.transpose().dup(), p.transpose().dup());
    assertTrue(fused[0].equalsWithEps(composed[0], 1e-12), fused[0] + " vs " + composed[0]);
    assertTrue(fused[1].equalsWithEps(composed[1].transpose(), 1e-9), fused[1] + " vs " + composed[1]);
    assertTrue(fused[2].equalsWithEps(composed[2].transpose(), 1e-9), fused[2] + " vs " + composed[2]);
  }

  private static INDArray[] valueAndGradients(Loss loss, INDArray t, INDArray p) {
    try (GradientTape tape = GradientTape.record()) {
      Tensor tt = tape.watch(Tensor.of(t));
      Tensor pp = tape.watch(Tensor.of(p));
      Tensor value = loss.call(tt, pp);
      List<INDArray> g = tape.gradientOfTensors(ReduceOps.sum(value), List.of(tt, pp));
      return new INDArray[] {value.value(), g.get(0), g.get(1)};
    }
  }

  @Test
  void sparseCategoricalCrossentropy() {
    INDArray labels = Nd4j.createFromArray(new double[] {2, 0, 1});
    GradCheck.check(predOnly(new SparseCategoricalCrossentropy(), labels), probs(12, 3, 4));
    GradCheck.check(predOnly(new SparseCategoricalCrossentropy(true, null, -1), labels.reshape(3, 1)),
        uniform(13, -3, 3, 3, 4));
    GradCheck.check(predOnly(new SparseCategoricalCrossentropy(true, 0, -1), labels), uniform(14, -3, 3, 3, 4));
    GradCheck.check(predOnly(new SparseCategoricalCrossentropy(false, 0, -1), labels), probs(15, 3, 4));
    // classes on axis 1 of a rank-3 prediction
    INDArray labels2 = Nd4j.createFromArray(new double[][] {{0, 2}, {1, 1}});
    GradCheck.check(predOnly(new SparseCategoricalCrossentropy(true, null, 1), labels2), uniform(16, -2, 2, 2, 3, 2));
  }

  @Test
  void softplusAndNormalize() {
    GradCheck.check(t -> LossOps.softplus(t.get(0)), uniform(17, -30, 30, 3, 4));
    GradCheck.check(t -> LossOps.l2Normalize(t.get(0), -1), uniform(18, -1, 1, 3, 4));
  }

  @Test
  void reductionsWithWeightsAndMasks() {
    INDArray t = uniform(19, -1, 1, 4, 3);
    INDArray w = Nd4j.createFromArray(new double[] {0.5, 2.0, 0.0, 1.5});
    for (Reduction r : Reduction.values()) {
      Loss loss = new Huber(0.5).withReduction(r).withDtype(DType.FLOAT64);
      GradCheck.check(x -> loss.apply(Tensor.of(t), x.get(0), null), uniform(20, -1, 1, 4, 3));
      GradCheck.check(x -> loss.apply(Tensor.of(t), x.get(0), Tensor.of(w)), uniform(21, -1, 1, 4, 3));
      GradCheck.check(x -> loss.apply(Tensor.of(t), x.get(0), Tensor.of(w.reshape(4, 1))), uniform(22, -1, 1, 4, 3));
    }
    Tensor mask = Tensor.of(Nd4j.createFromArray(true, false, true, true));
    Loss loss = new MeanSquaredError().withDtype(DType.FLOAT64);
    GradCheck.check(x -> loss.apply(Tensor.of(t), x.get(0).withMask(mask), Tensor.of(w)), uniform(23, -1, 1, 4, 3));
  }
}
