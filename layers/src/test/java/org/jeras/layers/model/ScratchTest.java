package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.regularizers.L2;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What a step computes in scratch memory and what must outlive it. */
class ScratchTest {
  private static Sequential mlp() {
    Nd4j.getRandom().setSeed(3);
    Sequential m = new Sequential();
    m.add(Input.of(6));
    m.add(new Dense(5, "relu").setActivityRegularizer(new L2(0.1)));
    m.add(new Dense(3, "softmax"));
    m.compile(new Adam(0.01), "categorical_crossentropy");
    return m;
  }

  private static INDArray rows(long seed, int n) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.FLOAT, n, 6);
  }

  @Test
  void predictionsOutliveLaterPredictions() {
    Sequential m = mlp();
    INDArray first = m.predictOnBatch(rows(1, 4));
    INDArray expected = first.dup();
    assertFalse(first.isAttached());
    for (int i = 0; i < 5; i++) {
      m.predictOnBatch(rows(10 + i, 7));
    }
    assertEquals(expected, first);
    assertEquals(expected, m.predictOnBatch(rows(1, 4)));
  }

  @Test
  void callLossesOutliveTheStep() {
    Sequential m = mlp();
    m.predictOnBatch(rows(1, 4));
    List<Tensor> losses = m.losses();
    assertEquals(1, losses.size());
    INDArray penalty = losses.get(0).value();
    assertFalse(penalty.isAttached());
    double value = penalty.getDouble(0);
    m.predictOnBatch(rows(2, 9));
    assertEquals(value, penalty.getDouble(0));
    assertTrue(value > 0);
  }

  @Test
  void trainingKeepsStateOutsideAndLeavesCallersArraysAlone() {
    Sequential m = mlp();
    INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 3);
    y.putScalar(0, 1, 1f);
    List<INDArray> given = m.getWeights();
    List<INDArray> copies = given.stream().map(INDArray::dup).toList();
    m.setWeights(given);
    double before = m.evaluate(rows(1, 4), y, 4).get("loss");
    for (int i = 0; i < 20; i++) {
      m.trainOnBatch(rows(1, 4), y);
    }
    assertTrue(m.evaluate(rows(1, 4), y, 4).get("loss") < before);
    assertEquals(copies, given);
    for (Variable v : m.weights()) {
      assertFalse(v.array().isAttached(), v.path());
    }
    for (Variable v : m.optimizer().variables()) {
      assertFalse(v.array().isAttached(), v.path());
    }
  }

  @Test
  void variablesCopyValuesComputedInScratch() {
    Variable v = new Variable("v", "v", Nd4j.zeros(DataType.FLOAT, 2), true);
    INDArray outside = Nd4j.ones(DataType.FLOAT, 2);
    v.assign(outside);
    try (Scratch scratch = Scratch.open("test-scratch")) {
      INDArray inside = Nd4j.createFromArray(2f, 3f);
      assertTrue(inside.isAttached());
      v.assign(inside);
      assertFalse(v.array().isAttached());
      v.assign(inside.mul(2));
      // Nested scopes of the same kind keep the outer one.
      try (Scratch nested = Scratch.open("test-scratch")) {
        assertTrue(Nd4j.zeros(DataType.FLOAT, 1).isAttached());
      }
      assertTrue(Nd4j.zeros(DataType.FLOAT, 1).isAttached());
    }
    assertEquals(Nd4j.createFromArray(4f, 6f), v.array());
    assertEquals(Nd4j.ones(DataType.FLOAT, 2), outside);
    assertFalse(Nd4j.zeros(DataType.FLOAT, 1).isAttached());
  }
}
