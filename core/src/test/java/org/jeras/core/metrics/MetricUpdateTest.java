package org.jeras.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Metrics update from tensors, with Keras's {@code update_state(y_true, y_pred)} form. */
class MetricUpdateTest {
  @Test
  void updateStateWithoutWeightsWeighsEverySampleOne() {
    MeanSquaredError m = new MeanSquaredError();
    m.updateState(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[][] {{1, 3}}));
    m.updateState(Tensor.of(new float[][] {{1, 1}}), Tensor.of(new float[][] {{1, 1}}));
    // Per-sample means 5 and 0, weighted equally.
    assertEquals(2.5, m.result(), 1e-6);
    MeanSquaredError weighted = new MeanSquaredError();
    weighted.updateState(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[][] {{1, 3}}), null);
    weighted.updateState(Tensor.of(new float[][] {{1, 1}}), Tensor.of(new float[][] {{1, 1}}), null);
    assertEquals(weighted.result(), m.result(), 0);
  }
}
