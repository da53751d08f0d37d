package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.regularizers.L1;
import org.jeras.core.regularizers.L2;
import org.jeras.core.testing.ConcurrentInference;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Threads sharing one model with regularizers predict what one thread predicts. */
class ConcurrentPredictTest {
  private static Sequential regularized(boolean withInput) {
    Nd4j.getRandom().setSeed(11);
    Sequential m = new Sequential();
    if (withInput) {
      m.add(Input.of(6));
    }
    Dense hidden = new Dense(8, "relu");
    hidden.weightSpecs().setRegularizer("kernel", new L2(0.01));
    hidden.setActivityRegularizer(new L1(0.1));
    m.add(hidden);
    m.add(new Dense(3, "softmax").setActivityRegularizer(new L2(0.2)));
    return m;
  }

  private static INDArray rows() {
    Nd4j.getRandom().setSeed(5);
    return Nd4j.rand(DataType.FLOAT, 4, 6);
  }

  @Test
  void eightThreadsPredictLikeOne() {
    Sequential m = regularized(true);
    ConcurrentInference.check(m, List.of(rows()), 8, 200, "regularized mlp");
    // After the last (single-threaded) call: two activity penalties and one kernel penalty.
    assertEquals(3, m.losses().size());
  }

  @Test
  void anUnbuiltModelIsBuiltOnceByRacingThreads() {
    Sequential m = regularized(false);
    assertFalse(m.isBuilt());
    ConcurrentInference.check(m, List.of(rows()), 8, 200, "lazily built mlp");
    assertTrue(m.isBuilt());
    // Two Dense layers with kernel and bias each, not one set per thread.
    assertEquals(4, m.weights().size());
  }
}
