package org.jeras.layers.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.convolutional.Conv2D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.pooling.MaxPooling2D;
import org.jeras.layers.reshaping.Flatten;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The compiled inference plan behind {@code predictOnBatch}: it is used once compiled, equals the
 * eager path, sees weight updates, is recompiled when layers are added, and is off with
 * {@code jeras.plan=false}.
 */
class InferencePlanBehaviourTest {
  private static Sequential mlp() {
    Sequential m = new Sequential();
    m.add(Input.of(6));
    m.add(new Dense(5, "relu"));
    m.add(new Dense(4, "softmax"));
    m.inferencePlans().setEnabled(true);
    return m;
  }

  private static INDArray eager(Sequential m, INDArray x) {
    m.inferencePlans().setEnabled(false);
    try {
      return m.predictOnBatch(x);
    } finally {
      m.inferencePlans().setEnabled(true);
    }
  }

  private static void assertNear(INDArray expected, INDArray actual) {
    assertArrayEquals(expected.shape(), actual.shape());
    double worst = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    assertTrue(worst <= 1e-6, "max |planned - eager| = " + worst);
  }

  @Test
  void planIsCompiledPerSignatureAndEqualsEager() {
    Sequential m = mlp();
    for (int batch : new int[] {1, 3}) {
      INDArray x = Nd4j.rand(DataType.FLOAT, batch, 6).subi(0.5);
      INDArray got = m.predictOnBatch(x);
      assertTrue(m.inferencePlans().isPlanned(List.of(x)), m.inferencePlans().eagerReason(List.of(x)));
      assertNear(eager(m, x), got);
    }
  }

  @Test
  void weightUpdatesAreSeenWithoutRecompiling() {
    Sequential m = mlp();
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 6).subi(0.5);
    INDArray before = m.predictOnBatch(x);
    for (Variable v : m.weights()) {
      v.assign(Nd4j.rand(v.array().dataType(), v.array().shape()).subi(0.5));
    }
    INDArray after = m.predictOnBatch(x);
    assertTrue(m.inferencePlans().isPlanned(List.of(x)));
    assertFalse(before.equalsWithEps(after, 1e-6), "the new weights changed nothing");
    assertNear(eager(m, x), after);
  }

  @Test
  void addingALayerRecompiles() {
    Sequential m = mlp();
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 6);
    assertArrayEquals(new long[] {2, 4}, m.predictOnBatch(x).shape());
    m.add(new Dense(3));
    INDArray y = m.predictOnBatch(x);
    assertArrayEquals(new long[] {2, 3}, y.shape());
    assertTrue(m.inferencePlans().isPlanned(List.of(x)));
    assertNear(eager(m, x), y);
    m.pop();
    assertArrayEquals(new long[] {2, 4}, m.predictOnBatch(x).shape());
  }

  @Test
  void convnetIsPlanned() {
    Sequential m = new Sequential();
    m.add(Input.of(10, 10, 2));
    m.add(new Conv2D(4, 3, 3).activation("relu"));
    m.add(new MaxPooling2D(2, 2));
    m.add(new Flatten());
    m.add(new Dense(3, "softmax"));
    m.inferencePlans().setEnabled(true);
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 10, 10, 2);
    INDArray got = m.predictOnBatch(x);
    assertTrue(m.inferencePlans().isPlanned(List.of(x)), m.inferencePlans().eagerReason(List.of(x)));
    assertNear(eager(m, x), got);
  }

  @Test
  void plansAreOnByDefaultAndTheSystemPropertyTurnsThemOff() {
    Sequential m = new Sequential();
    m.add(Input.of(6));
    m.add(new Dense(4, "softmax"));
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 6);
    INDArray y = Nd4j.rand(DataType.FLOAT, 3, 6);
    String old = System.getProperty("jeras.plan");
    System.setProperty("jeras.plan", "false");
    try {
      assertNotNull(m.predictOnBatch(x));
      assertFalse(m.inferencePlans().isPlanned(List.of(x)));
    } finally {
      if (old == null) {
        System.clearProperty("jeras.plan");
      } else {
        System.setProperty("jeras.plan", old);
      }
    }
    m.predictOnBatch(y);
    assertTrue(m.inferencePlans().isPlanned(List.of(y)), "plans are on by default");
  }
}
