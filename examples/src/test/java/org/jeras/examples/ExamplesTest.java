package org.jeras.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jeras.core.callbacks.History;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  @Test
  void classifierReachesNinetyFivePercentOnItsGeneratedTask() {
    Map<String, Double> metrics = TrainClassifier.run(0);
    assertTrue(metrics.get("accuracy") >= 0.95, metrics.toString());
  }

  @Test
  void mixedZooSequenceModelTrains() {
    History h = TrainSequenceModel.run(4, 0);
    List<Double> loss = h.get("loss");
    assertTrue(loss.get(loss.size() - 1) < 0.8 * loss.get(0), loss.toString());
  }
}
