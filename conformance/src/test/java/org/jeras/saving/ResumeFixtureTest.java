package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.conformance.Fixtures;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Resume checked against files written by real Keras (the fixtures). */
class ResumeFixtureTest {

  /** Keras trained 3 steps and saved; loading that file and fitting 3 more steps gives Keras's steps 4-6. */
  @Test
  void resumesAKerasTrainingRun() {
    Map<String, INDArray> a = Fixtures.npz("trajectories/resume.npz");
    Model model = Models.load(Fixtures.file("trajectories/resume_step3.keras"));
    List<List<INDArray>> weights = new ArrayList<>();
    List<List<INDArray>> opt = new ArrayList<>();
    model.fit(a.get("x"), a.get("y"), FitOptions.defaults().batchSize(4).epochs(1).shuffle(false).verbose(0)
        .callbacks(recorder(model, weights, opt)));
    assertEquals(3, weights.size());
    for (int s = 4; s <= 6; s++) {
      for (int i = 0; i < weights.get(s - 4).size(); i++) {
        close("step " + s + " weight " + i, a.get("w" + s + "_" + i), weights.get(s - 4).get(i));
      }
      for (int j = 0; j < opt.get(s - 4).size(); j++) {
        close("step " + s + " optimizer variable " + j, a.get("opt" + s + "_" + j), opt.get(s - 4).get(j));
      }
    }
  }

  private static Callback recorder(Model model, List<List<INDArray>> weights, List<List<INDArray>> opt) {
    return new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        weights.add(model.getWeights());
        List<INDArray> o = new ArrayList<>();
        for (Variable v : model.optimizer().variables()) {
          o.add(v.array().dup());
        }
        opt.add(o);
      }
    };
  }

  private static void close(String what, INDArray expected, INDArray actual) {
    assertTrue(expected != null, what + ": Keras has no such array");
    assertArrayEquals(expected.shape(), actual.shape(), what);
    INDArray e = expected.castTo(DataType.DOUBLE);
    INDArray g = actual.castTo(DataType.DOUBLE);
    for (long k = 0; k < e.length(); k++) {
      double ev = e.getDouble(k);
      assertEquals(ev, g.getDouble(k), 1e-5 * Math.max(1, Math.abs(ev)), what + " at " + k);
    }
  }
}
