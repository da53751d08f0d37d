package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Loss values on small inputs against formulas worked out by hand; reductions, weights and masks. */
class LossValuesTest {
  private static final double TOL = 1e-6;
  private static final double EPS = 1e-7;

  private static Tensor t(double[][] rows) {
    return Tensor.of(Nd4j.create(rows).castTo(DataType.FLOAT));
  }

  private static Tensor v(double... values) {
    return Tensor.of(Nd4j.createFromArray(values).castTo(DataType.FLOAT));
  }

  private static double loss(Loss loss, double[][] yTrue, double[][] yPred) {
    Tensor out = loss.apply(t(yTrue), t(yPred), null);
    assertEquals(DataType.FLOAT, out.value().dataType());
    return out.value().getDouble(0);
  }

  private static double[] perSample(Loss loss, double[][] yTrue, double[][] yPred) {
    return loss.call(t(yTrue), t(yPred)).value().castTo(DataType.DOUBLE).toDoubleVector();
  }

  @Test
  void regression() {
    double[][] yTrue = {{0, 1}, {1, 1}};
    double[][] yPred = {{1, 1}, {1, -1}};
    // squared errors (1, 0) and (0, 4)
    assertArrayEquals(new double[] {0.5, 2.0}, perSample(new MeanSquaredError(), yTrue, yPred), TOL);
    assertEquals(1.25, loss(new MeanSquaredError(), yTrue, yPred), TOL);
    assertArrayEquals(new double[] {0.5, 1.0}, perSample(new MeanAbsoluteError(), yTrue, yPred), TOL);
    // |2-1|/2 = 0.5, |4-5|/4 = 0.25
    assertEquals(37.5, loss(new MeanAbsolutePercentageError(), new double[][] {{2, 4}}, new double[][] {{1, 5}}), 1e-4);
    // MAPE divides by max(|t|, eps): t = 0 gives |p| / eps
    assertEquals(100 * 0.5 * (1e-3 / EPS), loss(new MeanAbsolutePercentageError(), new double[][] {{0, 1}},
        new double[][] {{1e-3, 1}}), 1.0);
    double e1 = Math.E - 1;
    double small = Math.log(1 + EPS);
    assertEquals(Math.pow(1 - small, 2), loss(new MeanSquaredLogarithmicError(), new double[][] {{0, e1}},
        new double[][] {{e1, 0}}), TOL);
    // |e| = 0.5 <= 1: 0.5 * 0.25; |e| = 3 > 1: 3 - 0.5
    assertEquals((0.125 + 2.5) / 2, loss(new Huber(), new double[][] {{0, 0}}, new double[][] {{0.5, 3}}), TOL);
    // delta = 2: |e| = 3: 2 * 3 - 0.5 * 4
    assertEquals(4.0, loss(new Huber(2.0), new double[][] {{0}}, new double[][] {{3}}), TOL);
    assertEquals((Math.log(Math.cosh(1)) + Math.log(Math.cosh(2))) / 2,
        loss(new LogCosh(), new double[][] {{0, 0}}, new double[][] {{1, -2}}), TOL);
    assertEquals(-1 / Math.sqrt(2), loss(new CosineSimilarity(), new double[][] {{1, 0}}, new double[][] {{1, 1}}), TOL);
    assertEquals(0.0, loss(new CosineSimilarity(), new double[][] {{0, 0}}, new double[][] {{1, 1}}), TOL);
  }

  @Test
  void hinges() {
    // labels 0/1 become -1/1: max(1 + 0.3, 0) = 1.3, max(1 - 0.4, 0) = 0.6
    assertEquals(0.95, loss(new Hinge(), new double[][] {{0, 1}}, new double[][] {{0.3, 0.4}}), TOL);
    assertEquals((1.69 + 0.36) / 2, loss(new SquaredHinge(), new double[][] {{0, 1}}, new double[][] {{0.3, 0.4}}), TOL);
    // labels -1/1 are kept: max(1 - (-1)(-2), 0) = 0, max(1 - 0.5, 0) = 0.5
    assertEquals(0.25, loss(new Hinge(), new double[][] {{-1, 1}}, new double[][] {{-2, 0.5}}), TOL);
    // pos = 0.5, neg = max(0.2, 0, 0.7) = 0.7 -> 0.7 - 0.5 + 1
    assertEquals(1.2, loss(new CategoricalHinge(), new double[][] {{0, 1, 0}}, new double[][] {{0.2, 0.5, 0.7}}), TOL);
  }

  @Test
  void probabilistic() {
    assertEquals(0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3),
        loss(new KLDivergence(), new double[][] {{0.5, 0.5}}, new double[][] {{0.25, 0.75}}), TOL);
    assertEquals(((1 - Math.log(1 + EPS)) + (4 - 2 * Math.log(4 + EPS))) / 2,
        loss(new Poisson(), new double[][] {{1, 2}}, new double[][] {{1, 4}}), TOL);
    double bce = (-Math.log(0.8) - Math.log(0.6)) / 2;
    assertEquals(bce, loss(new BinaryCrossentropy(), new double[][] {{1, 0}}, new double[][] {{0.8, 0.4}}), TOL);
    // probabilities are clipped to [eps, 1 - eps]: p = 1 against t = 0 costs -log(eps)
    assertEquals(-Math.log(1 - (float) (1 - EPS)) / 2,
        loss(new BinaryCrossentropy(), new double[][] {{0, 1}}, new double[][] {{1, 1}}), 1e-3);
    // logits 0 and 2: log 2 for t = 1; softplus(2) for t = 0
    assertEquals((Math.log(2) + Math.log1p(Math.exp(2))) / 2,
        loss(new BinaryCrossentropy(true, 0, -1), new double[][] {{1, 0}}, new double[][] {{0, 2}}), TOL);
    // smoothing 0.2: targets 0.9 and 0.1
    assertEquals((-(0.9 * Math.log(0.8) + 0.1 * Math.log(0.2)) - (0.1 * Math.log(0.4) + 0.9 * Math.log(0.6))) / 2,
        loss(new BinaryCrossentropy(false, 0.2, -1), new double[][] {{1, 0}}, new double[][] {{0.8, 0.4}}), TOL);
    // focal: (1 - p_t)^2 * bce with p_t = 0.8; balancing weighs positives by alpha
    assertEquals(0.04 * -Math.log(0.8), loss(new BinaryFocalCrossentropy(), new double[][] {{1}}, new double[][] {{0.8}}), TOL);
    assertEquals(0.75 * 0.16 * -Math.log(0.6),
        loss(new BinaryFocalCrossentropy(true, 0.25, 2.0, false, 0, -1), new double[][] {{0}}, new double[][] {{0.4}}), TOL);
  }

  @Test
  void categorical() {
    double[][] oneHot = {{0, 1, 0}};
    assertEquals(-Math.log(0.6), loss(new CategoricalCrossentropy(), oneHot, new double[][] {{0.2, 0.6, 0.2}}), TOL);
    // unnormalized probabilities are renormalized first
    assertEquals(-Math.log(0.6), loss(new CategoricalCrossentropy(), oneHot, new double[][] {{1, 3, 1}}), TOL);
    // softmax(0, log 3, 0) = (0.2, 0.6, 0.2)
    assertEquals(-Math.log(0.6),
        loss(new CategoricalCrossentropy(true, 0, -1), oneHot, new double[][] {{0, Math.log(3), 0}}), TOL);
    // smoothing 0.3 over 3 classes: targets (0.1, 0.8, 0.1)
    assertEquals(-(0.2 * Math.log(0.2) + 0.8 * Math.log(0.6)),
        loss(new CategoricalCrossentropy(false, 0.3, -1), oneHot, new double[][] {{0.2, 0.6, 0.2}}), TOL);
    double[][] probs = {{0.2, 0.6, 0.2}, {0.5, 0.25, 0.25}};
    Tensor labels = v(1, 0);
    Loss scce = new SparseCategoricalCrossentropy();
    assertArrayEquals(new double[] {-Math.log(0.6), -Math.log(0.5)},
        scce.call(labels, t(probs)).value().castTo(DataType.DOUBLE).toDoubleVector(), TOL);
    assertEquals((-Math.log(0.6) - Math.log(0.5)) / 2, scce.apply(labels, t(probs), null).value().getDouble(0), TOL);
    // labels of shape (2, 1) are squeezed
    assertEquals((-Math.log(0.6) - Math.log(0.5)) / 2,
        scce.apply(Tensor.of(labels.value().reshape(2, 1)), t(probs), null).value().getDouble(0), TOL);
    // ignore_class 0: the second sample has loss 0 and is masked out of the mean
    Loss ignoring = new SparseCategoricalCrossentropy(false, 0, -1);
    assertArrayEquals(new double[] {-Math.log(0.6), 0},
        ignoring.call(labels, t(probs)).value().castTo(DataType.DOUBLE).toDoubleVector(), TOL);
    assertEquals(-Math.log(0.6), ignoring.apply(labels, t(probs), null).value().getDouble(0), TOL);
    assertEquals(-Math.log(0.6), ignoring.withReduction(Reduction.SUM).apply(labels, t(probs), null).value().getDouble(0), TOL);
  }

  @Test
  void reductions() {
    Tensor yTrue = t(new double[][] {{0, 1}, {1, 1}});
    Tensor yPred = t(new double[][] {{1, 1}, {1, -1}});
    Tensor w = v(2, 1);
    // per-sample (0.5, 2); weighted (1, 2)
    Loss mse = new MeanSquaredError();
    assertEquals(1.25, mse.apply(yTrue, yPred, null).value().getDouble(0), TOL);
    assertEquals(1.5, mse.apply(yTrue, yPred, w).value().getDouble(0), TOL);
    assertEquals(1.5, mse.withReduction(Reduction.MEAN).apply(yTrue, yPred, w).value().getDouble(0), TOL);
    assertEquals(2.5, mse.withReduction(Reduction.SUM).apply(yTrue, yPred, null).value().getDouble(0), TOL);
    assertEquals(3.0, mse.withReduction(Reduction.SUM).apply(yTrue, yPred, w).value().getDouble(0), TOL);
    assertEquals(1.0, mse.withReduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).apply(yTrue, yPred, w).value().getDouble(0), TOL);
    assertEquals(1.25, mse.withReduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).apply(yTrue, yPred, null).value().getDouble(0), TOL);
    assertArrayEquals(new double[] {1, 2},
        mse.withReduction(Reduction.NONE).apply(yTrue, yPred, w).value().castTo(DataType.DOUBLE).toDoubleVector(), TOL);
    assertArrayEquals(new double[] {0.5, 2},
        mse.withReduction(Reduction.PY_NONE).apply(yTrue, yPred, null).value().castTo(DataType.DOUBLE).toDoubleVector(), TOL);
    // weights of shape (2, 1) give the same result
    assertEquals(1.5, mse.apply(yTrue, yPred, Tensor.of(w.value().reshape(2, 1))).value().getDouble(0), TOL);
    // all-zero weights with mean_with_sample_weight: divide_no_nan gives 0
    assertEquals(0.0, mse.withReduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).apply(yTrue, yPred, v(0, 0)).value().getDouble(0), TOL);
    // a float64 loss computes in float64
    assertEquals(DataType.DOUBLE, mse.withDtype(DType.FLOAT64).apply(yTrue, yPred, null).value().dataType());
  }

  @Test
  void predictionMasks() {
    Tensor yTrue = t(new double[][] {{0, 1}, {1, 1}});
    Tensor mask = Tensor.of(Nd4j.createFromArray(true, false));
    Tensor yPred = t(new double[][] {{1, 1}, {1, -1}}).withMask(mask);
    Loss mse = new MeanSquaredError();
    // sum_over_batch_size over valid entries only: 0.5 / 1
    assertEquals(0.5, mse.apply(yTrue, yPred, null).value().getDouble(0), TOL);
    assertEquals(0.5, mse.withReduction(Reduction.SUM).apply(yTrue, yPred, null).value().getDouble(0), TOL);
    // weights (2, 1) with the mask (2, 0) (total/valid = 2): sum(0.5*2*2) / 2
    assertEquals(1.0, mse.apply(yTrue, yPred, v(2, 1)).value().getDouble(0), TOL);
    assertEquals(0.5, mse.withReduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).apply(yTrue, yPred, v(2, 1)).value().getDouble(0), TOL);
  }

  @Test
  void categoricalFocalCrossentropyMatchesKeras() {
    double[][] yTrue = {{0, 1, 0}, {0, 0, 1}};
    // Values from Keras 3 (reduction=None).
    assertArrayEquals(new double[] {0.18908037, 0.57033432},
        perSample(new CategoricalFocalCrossentropy(0.3, 1.5, false, 0.1, -1), yTrue,
            new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}}), TOL);
    assertArrayEquals(new double[] {0.82426876, 0.39761406},
        perSample(new CategoricalFocalCrossentropy(0.25, 2.0, true, 0.0, -1), yTrue,
            new double[][] {{1, -2, 0.5}, {0.3, 0.2, -1}}), TOL);
  }
}
