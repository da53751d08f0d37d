package org.jeras.saving.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jeras.core.callbacks.History;
import org.jeras.core.model.Model;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A shuffled fit split at epoch k ({@code initialEpoch}) trains the same batches as one unsplit fit. */
class InitialEpochShuffleTest {
  @Test
  void splittingAShuffledFitChangesNothing() {
    FitOptions all = FitOptions.defaults().epochs(4).batchSize(5).seed(3).verbose(0);
    Model straight = CallbackModels.mlp(2);
    straight.fit(CallbackModels.x(20), CallbackModels.y(20), all);

    Model split = CallbackModels.mlp(2);
    split.fit(CallbackModels.x(20), CallbackModels.y(20), FitOptions.defaults().epochs(2).batchSize(5).seed(3)
        .verbose(0));
    History rest = split.fit(CallbackModels.x(20), CallbackModels.y(20), FitOptions.defaults().epochs(4)
        .initialEpoch(2).batchSize(5).seed(3).verbose(0));
    assertEquals(List.of(2, 3), rest.epochs());
    List<INDArray> a = straight.getWeights();
    List<INDArray> b = split.getWeights();
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).data().asFloat(), b.get(i).data().asFloat(), "weight " + i);
    }
  }
}
