package org.jeras.layers.rnn;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.Embedding;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras 3.16's recurrent layers, Bidirectional and TimeDistributed do not support masking: the
 * layer stacked on one (as a Sequential model calls it) gets no mask and runs over every step.
 */
class StackedMaskTest {
  /** Right-padded, left-padded and fully padded rows. */
  private static final Tensor IDS = Tensor.of(Nd4j.createFromArray(new int[][] {
      {3, 1, 4, 0, 0}, {0, 0, 2, 5, 6}, {0, 0, 0, 0, 0}}));

  private static Tensor embedded() {
    Tensor e = f64(new Embedding(7, 3).maskZero(true)).apply(IDS);
    assertNotNull(e.mask());
    return e;
  }

  /** Checks that {@code first}'s output carries no mask and that {@code next} then ignores the padding. */
  private static void assertNextRunsUnmasked(Layer first, RNN next) {
    Tensor e = embedded();
    Tensor seq = first.apply(e);
    assertNull(seq.mask(), first.className() + " output mask");
    INDArray stacked = next.apply(seq).value();
    assertEquals(next.apply(Tensor.of(seq.value())).value(), stacked);
    INDArray masked = next.apply(CallArgs.of(Tensor.of(seq.value())).with("mask", e.mask())).get(0).value();
    assertFalse(masked.equalsWithEps(stacked, 1e-9), "the padding must change the unmasked result");
  }

  @Test
  void recurrentLayersPassNoMaskOn() {
    assertNextRunsUnmasked(f64(new LSTM(3).returnSequences(true)), f64(new GRU(2)));
    assertNextRunsUnmasked(f64(new GRU(3).returnSequences(true).goBackwards(true)), f64(new LSTM(2)));
    assertNextRunsUnmasked(f64(new SimpleRNN(3).returnSequences(true)), f64(new GRU(2).returnSequences(true)));
  }

  @Test
  void bidirectionalPassesNoMaskOn() {
    for (String mode : new String[] {"concat", "sum", "mul", "ave"}) {
      assertNextRunsUnmasked(f64(new Bidirectional(new LSTM(2).returnSequences(true), mode, null)), f64(new GRU(2)));
    }
    List<Tensor> both = f64(new Bidirectional(new GRU(2).returnSequences(true), null, null)).apply(CallArgs.of(embedded()));
    assertNull(both.get(0).mask());
    assertNull(both.get(1).mask());
  }

  @Test
  void timeDistributedPassesNoMaskOn() {
    assertNextRunsUnmasked(f64(new TimeDistributed(new Dense(3, "tanh"))), f64(new GRU(2)));
  }
}
