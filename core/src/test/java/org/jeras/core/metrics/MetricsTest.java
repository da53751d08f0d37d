package org.jeras.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.stream.Collectors;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Metric state, accumulation over batches, sample weights, masks and reset, on hand-computed cases. */
class MetricsTest {
  private static final double TOL = 1e-6;

  static Tensor t(double[][] rows) {
    return Tensor.of(Nd4j.create(rows).castTo(DataType.FLOAT));
  }

  static Tensor v(double... values) {
    return Tensor.of(Nd4j.createFromArray(values).castTo(DataType.FLOAT));
  }

  private static List<String> paths(Metric m) {
    return m.variables().stream().map(Variable::path).collect(Collectors.toList());
  }

  @Test
  void meanAndSum() {
    Mean mean = new Mean();
    assertEquals(List.of("mean/total", "mean/count"), paths(mean));
    assertEquals(DataType.FLOAT, mean.variables().get(0).array().dataType());
    assertEquals(0.0, mean.result(), 0.0);
    mean.update(v(1, 2, 3), null);
    mean.update(v(4), v(2));
    // (1 + 2 + 3 + 4*2) / (3 + 2)
    assertEquals(2.8, mean.result(), TOL);
    assertEquals(14.0, mean.variables().get(0).array().getDouble(0), TOL);
    assertEquals(5.0, mean.variables().get(1).array().getDouble(0), TOL);
    mean.resetState();
    assertEquals(0.0, mean.result(), 0.0);
    // rank-2 values are averaged per sample before weighting: means (2, 2), weights (1, 3)
    mean.update(t(new double[][] {{1, 3}, {2, 2}}), v(1, 3));
    assertEquals(2.0, mean.result(), TOL);
    assertEquals(4.0, mean.variables().get(1).array().getDouble(0), TOL);
    assertThrows(UnsupportedOperationException.class, () -> mean.updateState(v(1), v(1), null));

    Sum sum = new Sum();
    assertEquals(List.of("sum/total"), paths(sum));
    sum.update(t(new double[][] {{1, 3}, {2, 2}}), null);
    sum.update(v(5), v(0.5));
    assertEquals(10.5, sum.result(), TOL);
    sum.resetState();
    assertEquals(0.0, sum.result(), 0.0);
  }

  @Test
  void lossTrackerWeighsBatchesBySize() {
    Mean loss = Mean.lossTracker();
    assertEquals("loss", loss.name());
    loss.update(2.0, 4);
    loss.update(1.0, 4);
    loss.update(4.0, 2);
    assertEquals((8 + 4 + 8) / 10.0, loss.result(), TOL);
  }

  @Test
  void accuracies() {
    BinaryAccuracy binary = new BinaryAccuracy();
    Tensor yTrue = t(new double[][] {{1}, {0}, {1}, {0}});
    Tensor yPred = t(new double[][] {{0.7}, {0.2}, {0.4}, {0.6}});
    binary.updateState(yTrue, yPred, null);
    assertEquals(0.5, binary.result(), TOL);
    binary.updateState(v(1, 1), t(new double[][] {{0.9}, {0.8}}), null);
    assertEquals(4.0 / 6, binary.result(), TOL);
    binary.resetState();
    binary.updateState(yTrue, yPred, v(1, 0, 1, 1));
    assertEquals(1.0 / 3, binary.result(), TOL);
    BinaryAccuracy low = new BinaryAccuracy("b", DType.FLOAT32, 0.3);
    low.updateState(yTrue, yPred, null);
    assertEquals(0.75, low.result(), TOL);

    CategoricalAccuracy categorical = new CategoricalAccuracy();
    categorical.updateState(t(new double[][] {{0, 1, 0}, {1, 0, 0}}), t(new double[][] {{0.1, 0.8, 0.1}, {0.2, 0.5, 0.3}}), null);
    assertEquals(0.5, categorical.result(), TOL);
    categorical.updateState(t(new double[][] {{0, 0, 1}}), t(new double[][] {{0, 0, 1}}), null);
    assertEquals(2.0 / 3, categorical.result(), TOL);

    SparseCategoricalAccuracy sparse = new SparseCategoricalAccuracy();
    Tensor probs = t(new double[][] {{0.1, 0.8, 0.1}, {0.2, 0.5, 0.3}});
    sparse.updateState(v(1, 0), probs, null);
    assertEquals(0.5, sparse.result(), TOL);
    sparse.updateState(t(new double[][] {{1}, {1}}), probs, v(3, 1));
    // hits: 1, 0, then 3 * 1 + 1 * 1 over weights 1 + 1 + 3 + 1
    assertEquals(5.0 / 6, sparse.result(), TOL);

    TopKCategoricalAccuracy top2 = new TopKCategoricalAccuracy(2, "top2", DType.FLOAT32);
    top2.updateState(t(new double[][] {{0, 0, 1}, {0, 1, 0}}), t(new double[][] {{0.5, 0.3, 0.2}, {0.1, 0.6, 0.3}}), null);
    assertEquals(0.5, top2.result(), TOL);
    TopKCategoricalAccuracy top1 = new TopKCategoricalAccuracy(1, "top1", DType.FLOAT32);
    // a tie with the best score counts as a hit
    top1.updateState(t(new double[][] {{0, 0, 1}}), t(new double[][] {{0.3, 0.3, 0.3}}), null);
    assertEquals(1.0, top1.result(), TOL);

    Accuracy exact = new Accuracy();
    exact.updateState(v(1, 2, 3), v(1, 2, 4), null);
    assertEquals(2.0 / 3, exact.result(), TOL);
  }

  @Test
  void regressionMetrics() {
    Tensor yTrue = t(new double[][] {{0, 1}, {1, 1}});
    Tensor yPred = t(new double[][] {{1, 1}, {1, -1}});
    // per-sample squared errors 0.5, 2; absolute 0.5, 1
    MeanSquaredError mse = new MeanSquaredError();
    mse.updateState(yTrue, yPred, null);
    assertEquals(1.25, mse.result(), TOL);
    MeanAbsoluteError mae = new MeanAbsoluteError();
    mae.updateState(yTrue, yPred, null);
    assertEquals(0.75, mae.result(), TOL);
    RootMeanSquaredError rmse = new RootMeanSquaredError();
    rmse.updateState(yTrue, yPred, null);
    assertEquals(Math.sqrt(1.25), rmse.result(), TOL);
    // Keras 3: Poisson().update_state([[1, 2], [0, 3]], [[0.5, 2.5], [1, 1]]) gives 0.9651413.
    Poisson poisson = new Poisson();
    poisson.updateState(t(new double[][] {{1, 2}, {0, 3}}), t(new double[][] {{0.5, 2.5}, {1, 1}}), null);
    assertEquals(0.9651413, poisson.result(), 1e-6);
    rmse.resetState();
    rmse.updateState(yTrue, yPred, v(2, 1));
    assertEquals(1.0, rmse.result(), TOL);
    // a Keras mask on y_pred drops the masked sample
    MeanSquaredError masked = new MeanSquaredError();
    masked.updateState(yTrue, yPred.withMask(Tensor.of(Nd4j.createFromArray(true, false))), null);
    assertEquals(0.5, masked.result(), TOL);
  }

  @Test
  void precisionAndRecall() {
    Tensor yTrue = v(1, 0, 1, 1, 0, 0);
    Tensor yPred = v(0.9, 0.8, 0.3, 0.6, 0.1, 0.7);
    // at 0.5: predicted positive 1, 1, 0, 1, 0, 1 -> tp 2, fp 2, fn 1
    Precision precision = new Precision(null, null, null, "p", null);
    Recall recall = new Recall(null, null, null, "r", null);
    assertEquals(List.of("p/true_positives", "p/false_positives"), paths(precision));
    assertEquals(List.of("r/true_positives", "r/false_negatives"), paths(recall));
    precision.updateState(yTrue, yPred, null);
    recall.updateState(yTrue, yPred, null);
    assertEquals(0.5, precision.result(), TOL);
    assertEquals(2.0 / 3, recall.result(), TOL);
    // a second batch accumulates: one more true positive
    precision.updateState(v(1), v(0.99), null);
    assertEquals(0.6, precision.result(), TOL);
    precision.resetState();
    assertEquals(0.0, precision.result(), 0.0);
    // weights: the positive at index 3 counts twice -> tp 3, fp 2, fn 1
    precision.updateState(yTrue, yPred, v(1, 1, 1, 2, 1, 1));
    recall.resetState();
    recall.updateState(yTrue, yPred, v(1, 1, 1, 2, 1, 1));
    assertEquals(0.6, precision.result(), TOL);
    assertEquals(0.75, recall.result(), TOL);

    Precision two = new Precision(0.2, 0.85);
    two.updateState(yTrue, yPred, null);
    // at 0.2: tp 3, fp 2; at 0.85: tp 1, fp 0
    assertArrayEquals(new double[] {0.6, 1.0}, two.resultArray().castTo(DataType.DOUBLE).toDoubleVector(), TOL);
    Recall evenly = new Recall(0.0, 0.5, 1.0);
    evenly.updateState(yTrue, yPred, null);
    // evenly spaced thresholds take Keras's bucketed path: recall 1, 2/3, 0
    assertArrayEquals(new double[] {1.0, 2.0 / 3, 0.0}, evenly.resultArray().castTo(DataType.DOUBLE).toDoubleVector(), TOL);

    Tensor oneHot = t(new double[][] {{0, 1, 0}, {1, 0, 0}});
    Tensor scores = t(new double[][] {{0.2, 0.5, 0.3}, {0.1, 0.6, 0.3}});
    Precision top1 = new Precision(null, 1, null, "top1", null);
    top1.updateState(oneHot, scores, null);
    // the top score of each row is predicted: row 0 class 1 (right), row 1 class 1 (wrong)
    assertEquals(0.5, top1.result(), TOL);
    Recall class1 = new Recall(JsonParser.parseString("0.4"), null, 1, "c1", null);
    class1.updateState(oneHot, scores, null);
    assertEquals(1.0, class1.result(), TOL);
    Precision class1p = new Precision(JsonParser.parseString("0.4"), null, 1, "c1p", null);
    class1p.updateState(oneHot, scores, null);
    assertEquals(0.5, class1p.result(), TOL);
  }

  @Test
  void auc() {
    // thresholds -eps, 0.5, 1 + eps; labels 0, 1, 1, 1 with scores 0.1, 0.6, 0.4, 0.9
    Tensor yTrue = v(0, 1, 1, 1);
    Tensor yPred = v(0.1, 0.6, 0.4, 0.9);
    AUC roc = new AUC(3, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, "roc", null, null, false);
    assertEquals(List.of("roc/true_positives", "roc/false_positives", "roc/true_negatives", "roc/false_negatives"),
        paths(roc));
    roc.updateState(yTrue, yPred, null);
    assertArrayEquals(new float[] {3, 2, 0}, roc.variables().get(0).array().toFloatVector());
    assertArrayEquals(new float[] {1, 0, 0}, roc.variables().get(1).array().toFloatVector());
    assertArrayEquals(new float[] {0, 1, 1}, roc.variables().get(2).array().toFloatVector());
    assertArrayEquals(new float[] {0, 1, 3}, roc.variables().get(3).array().toFloatVector());
    // fpr (1, 0, 0), tpr (1, 2/3, 0): trapezoids (1 - 0) * (1 + 2/3) / 2
    assertEquals(5.0 / 6, roc.result(), TOL);
    // PR with Keras's interpolation (Davis & Goadrich)
    AUC pr = new AUC(3, AUC.Curve.PR, AUC.Summation.INTERPOLATION, "pr", null, null, false);
    pr.updateState(yTrue, yPred, null);
    assertEquals((0.5 + 0.5 * Math.log(2)) / 3 + 2.0 / 3, pr.result(), TOL);
    // recall (1, 2/3, 0), precision (3/4, 1, 0)
    AUC majoring = new AUC(3, AUC.Curve.PR, AUC.Summation.MAJORING, "maj", null, null, false);
    majoring.updateState(yTrue, yPred, null);
    assertEquals(1.0, majoring.result(), TOL);
    AUC minoring = new AUC(3, AUC.Curve.PR, AUC.Summation.MINORING, "min", null, null, false);
    minoring.updateState(yTrue, yPred, null);
    assertEquals(0.25, minoring.result(), TOL);
    // logits through a sigmoid give the same curve
    AUC logits = new AUC(3, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, "logits", null, null, true);
    logits.updateState(yTrue, v(logit(0.1), logit(0.6), logit(0.4), logit(0.9)), null);
    assertEquals(5.0 / 6, logits.result(), TOL);
    // a perfect ranking has area 1 with the default 200 thresholds, accumulated over two batches
    AUC perfect = new AUC();
    perfect.updateState(v(0, 0), v(0.1, 0.4), null);
    perfect.updateState(v(1, 1), v(0.6, 0.9), null);
    assertEquals(1.0, perfect.result(), TOL);
    perfect.resetState();
    assertEquals(0.0, perfect.result(), 0.0);
    // explicit thresholds 0.3, 0.7 (not evenly spaced) take the comparison path:
    // fpr (1, 0, 0, 0), tpr (1, 1, 1/3, 0)
    AUC explicit = new AUC(0, AUC.Curve.ROC, AUC.Summation.INTERPOLATION, "explicit", null, new double[] {0.7, 0.3}, false);
    explicit.updateState(yTrue, yPred, null);
    assertArrayEquals(new float[] {3, 3, 1, 0}, explicit.variables().get(0).array().toFloatVector());
    assertEquals(1.0, explicit.result(), TOL);
    AUC explicitPr = new AUC(0, AUC.Curve.PR, AUC.Summation.MINORING, "explicit_pr", null, new double[] {0.3, 0.7}, false);
    explicitPr.updateState(yTrue, yPred, null);
    // recall (1, 1, 1/3, 0), precision (3/4, 1, 1, 0): minoring (0)(.75) + (2/3)(1) + (1/3)(0)
    assertEquals(2.0 / 3, explicitPr.result(), TOL);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
