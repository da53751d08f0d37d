package org.jeras.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.schedules.ExponentialDecay;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The base-class mechanisms the trajectories do not exercise (EMA, gradient accumulation, loss
 * scaling, weight-decay exclusion, constraints, missing gradients, saving) and Ftrl, against
 * values worked out by hand from Keras's update rules.
 */
class OptimizerMechanicsTest {
  private static Variable var(String name, float... values) {
    return new Variable(name, "m/" + name, Nd4j.createFromArray(values), true);
  }

  private static INDArray g(float... values) {
    return Nd4j.createFromArray(values);
  }

  private static void assertValues(Variable v, double... expected) {
    double[] actual = v.array().castTo(DataType.DOUBLE).toDoubleVector();
    assertEquals(expected.length, actual.length, v.path());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), v.path() + "[" + i + "]");
    }
  }

  private static List<String> paths(Optimizer o) {
    return o.variables().stream().map(Variable::path).toList();
  }

  @Test
  void emaAveragesWeightsAndFinalizes() {
    Variable w = var("w", 1f);
    SGD sgd = new SGD(OptimizerOptions.of(0.1).withName("sgd").withEma(0.5, null), 0.0, false);
    sgd.applyGradients(List.of(g(1f)), List.of(w)); // w 0.9; first EMA step copies: 0.9
    assertEquals(List.of("sgd/iteration", "sgd/learning_rate", "sgd/m_w_average"), paths(sgd));
    assertValues(sgd.variables().get(2), 0.9);
    sgd.applyGradients(List.of(g(1f)), List.of(w)); // w 0.8; average 0.5 * 0.9 + 0.5 * 0.8
    assertValues(w, 0.8);
    assertValues(sgd.variables().get(2), 0.85);
    sgd.finalizeVariableValues(List.of(w));
    assertValues(w, 0.85);
  }

  @Test
  void emaOverwriteFrequencyCopiesAveragesIntoWeights() {
    Variable w = var("w", 1f);
    SGD sgd = new SGD(OptimizerOptions.of(0.1).withEma(0.5, 2), 0.0, false);
    sgd.applyGradients(List.of(g(1f)), List.of(w));
    assertValues(w, 0.9);
    sgd.applyGradients(List.of(g(1f)), List.of(w)); // (iterations + 1) % 2 == 0: overwritten
    assertValues(w, 0.85);
  }

  @Test
  void gradientAccumulationAveragesThenUpdates() {
    Variable w = var("w", 1f, 2f);
    // The schedule sees raw iterations: the update happens at raw iteration 1, rate 0.1 * 0.5.
    SGD sgd = new SGD(OptimizerOptions.of(new ExponentialDecay(0.1, 1, 0.5)).withName("sgd")
        .withGradientAccumulationSteps(2), 0.0, false);
    sgd.applyGradients(List.of(g(1f, -1f)), List.of(w));
    assertValues(w, 1, 2);
    assertEquals(List.of("sgd/iteration", "sgd/m_w_gradient_accumulator"), paths(sgd));
    assertValues(sgd.variables().get(1), 1, -1);
    assertEquals(0, sgd.iterations());
    sgd.applyGradients(List.of(g(3f, 1f)), List.of(w)); // mean gradient (2, 0)
    assertValues(w, 1 - 0.05 * 2, 2);
    assertValues(sgd.variables().get(1), 0, 0);
    assertEquals(1, sgd.iterations());
  }

  @Test
  void adamCountsAccumulatedSteps() {
    // With accumulation, Adam's bias correction uses the accumulated step count (1 at the first update).
    Variable w = var("w", 0f);
    Adam adam = new Adam(OptimizerOptions.of(0.1).withGradientAccumulationSteps(2), 0.9, 0.999, 1e-7, false);
    adam.applyGradients(List.of(g(1f)), List.of(w));
    adam.applyGradients(List.of(g(1f)), List.of(w));
    // m = 0.1, v = 0.001; alpha = 0.1 * sqrt(0.001) / 0.1; step = alpha * m / (sqrt(v) + eps)
    double alpha = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
    assertValues(w, -alpha * 0.1 / (Math.sqrt(0.001) + 1e-7));
  }

  @Test
  void lossScaleFactorScalesLossAndUnscalesGradients() {
    Variable w = var("w", 1f);
    SGD sgd = new SGD(OptimizerOptions.of(0.1).withLossScaleFactor(4.0), 0.0, false);
    assertEquals(8.0, sgd.scaleLoss(Tensor.scalar(2.0)).value().getDouble(0), 1e-6);
    sgd.applyGradients(List.of(g(4f)), List.of(w));
    assertValues(w, 0.9);
  }

  @Test
  void weightDecaySkipsExcludedVariables() {
    Variable kernel = new Variable("kernel", "d/kernel", Nd4j.createFromArray(2f), true);
    Variable bias = new Variable("bias", "d/bias", Nd4j.createFromArray(2f), true);
    Variable other = var("other", 2f);
    SGD sgd = new SGD(OptimizerOptions.of(0.1).withWeightDecay(0.5), 0.0, false);
    sgd.excludeFromWeightDecay(List.of(other), List.of("bias"));
    sgd.applyGradients(List.of(g(1f), g(1f), g(1f)), List.of(kernel, bias, other));
    assertValues(kernel, 2 * (1 - 0.5 * 0.1) - 0.1);
    assertValues(bias, 2 - 0.1);
    assertValues(other, 2 - 0.1);
    assertThrows(IllegalStateException.class, () -> sgd.excludeFromWeightDecay(null, List.of("x")));
  }

  @Test
  void constraintsApplyAfterTheUpdate() {
    Variable w = var("w", 0.4f, -0.4f);
    w.setConstraint(a -> a.dup().assign(Transforms.min(
        Transforms.max(a, -0.5, true), 0.5, false)));
    INDArray buffer = w.array();
    new SGD(1.0).applyGradients(List.of(g(-1f, 1f)), List.of(w));
    assertValues(w, 0.5, -0.5);
    assertSame(buffer, w.array(), "updates stay in the variable's buffer");
  }

  @Test
  void missingGradientsSkipTheirVariables() {
    Variable a = var("a", 1f);
    Variable b = var("b", 1f);
    SGD sgd = new SGD(OptimizerOptions.of(0.1), 0.9, false);
    sgd.applyGradients(Arrays.asList(null, g(1f)), List.of(a, b));
    assertValues(a, 1);
    assertValues(b, 0.9);
    assertThrows(IllegalArgumentException.class, () -> sgd.applyGradients(Arrays.asList(null, null), List.of(a, b)));
    assertThrows(IllegalArgumentException.class, () -> sgd.applyGradients(List.of(g(1f)), List.of(var("c", 1f))));
    assertThrows(IllegalArgumentException.class, () -> sgd.applyGradients(List.of(g(1f, 2f), g(1f)), List.of(a, b)));
  }

  @Test
  void clipnormLeavesZeroAndSmallGradientsAlone() {
    Variable a = var("a", 0f, 0f);
    Variable b = var("b", 0f, 0f);
    Variable c = var("c", 0f, 0f);
    SGD sgd = new SGD(OptimizerOptions.of(1.0).withClipnorm(1.0), 0.0, false);
    sgd.applyGradients(List.of(g(0f, 0f), g(0.3f, 0.4f), g(3f, 4f)), List.of(a, b, c));
    assertValues(a, 0, 0);
    assertValues(b, -0.3, -0.4);
    assertValues(c, -0.6, -0.8);
  }

  @Test
  void globalClipnormScalesAllGradientsTogether() {
    Variable a = var("a", 0f);
    Variable b = var("b", 0f);
    SGD sgd = new SGD(OptimizerOptions.of(1.0).withGlobalClipnorm(1.0), 0.0, false);
    sgd.applyGradients(List.of(g(3f), g(4f)), List.of(a, b));
    assertValues(a, -0.6);
    assertValues(b, -0.8);
  }

  @Test
  void ftrlFollowsItsClosedForm() {
    double lr = 0.5;
    double p = 0.7; // -learning_rate_power
    double l1 = 0.01;
    double l2 = 0.02;
    double shrink = 0.03;
    double beta = 0.1;
    Variable w = var("w", 0.3f, -0.2f);
    Ftrl ftrl = new Ftrl(OptimizerOptions.of(lr).withName("ftrl"), -p, 0.2, l1, l2, shrink, beta);
    double[] wv = {0.3, -0.2};
    double[] n = {0.2, 0.2};
    double[] z = {0, 0};
    float[][] grads = {{0.5f, -1.0f}, {-0.25f, 0.75f}, {0.1f, 0.02f}};
    for (float[] step : grads) {
      ftrl.applyGradients(List.of(g(step)), List.of(w));
      for (int i = 0; i < 2; i++) {
        double newN = n[i] + step[i] * step[i];
        z[i] += step[i] + 2 * shrink * wv[i] - (Math.pow(newN, p) - Math.pow(n[i], p)) / lr * wv[i];
        double quadratic = Math.pow(newN, p) / lr + 2 * (l2 + beta / (2 * lr));
        wv[i] = (Math.max(-l1, Math.min(l1, z[i])) - z[i]) / quadratic;
        n[i] = newN;
      }
      assertValues(w, wv);
    }
    assertEquals(List.of("ftrl/iteration", "ftrl/learning_rate", "ftrl/m_w_accumulator", "ftrl/m_w_linear"),
        paths(ftrl));
    assertValues(ftrl.variables().get(2), n);
    assertValues(ftrl.variables().get(3), z);
  }

  @Test
  void learningRateIsFloat32AndSettable() {
    SGD sgd = new SGD(0.1);
    assertEquals((double) 0.1f, sgd.learningRate());
    sgd.setLearningRate(0.25);
    assertEquals(0.25, sgd.learningRate());
    assertEquals(0.25, sgd.getConfig().getDouble("learning_rate"));
    sgd.setLearningRate(new ExponentialDecay(0.5, 1, 0.5));
    assertEquals(0.5, sgd.learningRate());
    assertEquals(1, sgd.variables().size(), "the learning_rate variable goes with a schedule");
    assertThrows(IllegalStateException.class, () -> sgd.setLearningRate(0.1));
    assertNull(new SGD(0.1).schedule());
  }

  @Test
  void savesAndLoadsStateInKerasOrder() {
    Variable w = var("w", 1f, 2f);
    Adam adam = new Adam(OptimizerOptions.of(0.1).withName("adam"), 0.9, 0.999, 1e-7, true);
    adam.applyGradients(List.of(g(1f, -1f)), List.of(w));
    MapVariableStore store = new MapVariableStore("optimizer/vars");
    adam.saveOwnVariables(store);
    assertEquals(List.of("0", "1", "2", "3", "4"), store.keys());
    assertEquals(DataType.INT, store.get("0").dataType());
    assertEquals(0, store.get("0").rank());
    assertEquals(DataType.FLOAT, store.get("1").dataType());

    Adam unbuilt = new Adam(OptimizerOptions.of(0.1).withName("adam"), 0.9, 0.999, 1e-7, true);
    assertFalse(unbuilt.loadOwnVariables(store), "Keras skips a count mismatch (unbuilt optimizer) with a warning");
    Variable w2 = var("w", 1f, 2f);
    unbuilt.build(List.of(w2));
    assertTrue(unbuilt.loadOwnVariables(store));
    assertEquals(1, unbuilt.iterations());
    for (int i = 0; i < 5; i++) {
      assertEquals(adam.variables().get(i).array(), unbuilt.variables().get(i).array(), "variable " + i);
    }
    Variable wrongShape = var("w", 1f, 2f, 3f);
    Adam other = new Adam(OptimizerOptions.of(0.1), 0.9, 0.999, 1e-7, true);
    other.build(List.of(wrongShape));
    ConfigException e = assertThrows(ConfigException.class, () -> other.loadOwnVariables(store));
    assertTrue(e.getMessage().contains("optimizer/vars/2"), e.getMessage());
  }

  @Test
  void buildCreatesSlotsOnce() {
    Variable w = var("w", 1f);
    RMSprop rms = new RMSprop(OptimizerOptions.of(0.1).withName("rms"), 0.9, 0.5, 1e-7, true);
    assertEquals(List.of("rms/iteration", "rms/learning_rate"), paths(rms));
    rms.build(List.of(w));
    rms.build(List.of(w));
    assertEquals(List.of("rms/iteration", "rms/learning_rate", "rms/m_w_velocity", "rms/m_w_momentum",
        "rms/m_w_average_gradient"), paths(rms));
    assertArrayEquals(new long[0], rms.variables().get(0).array().shape());
  }
}
