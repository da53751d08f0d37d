package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jeras.conformance.KerasCases;
import org.jeras.conformance.KerasCases.Case;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every fixture model Jeras loads predicts the same through its compiled inference plan as
 * eagerly (within 1e-5) and as Keras (within 1e-5); the number of fixtures that run planned must
 * not drop below {@link #PLANNED_FLOOR}, the count measured when the plans landed (raise it as
 * plan kernels are added). The fixtures that fall back are printed with the op responsible.
 */
class PlannedFixturesTest {
  /** Planned fixture models measured on 2026-12-03: 89 of the 165 loadable ones; must not drop. */
  static final int PLANNED_FLOOR = 89;

  @Test
  void plannedPredictionsEqualEagerAndKeras() throws IOException {
    int planned = 0;
    int total = 0;
    Map<String, String> eager = new TreeMap<>();
    for (Case c : KerasCases.loadable()) {
      Map<String, INDArray> io = Npz.read(c.io());
      List<INDArray> x = KerasModels.inputs(io);
      List<INDArray> ys = KerasModels.outputs(io);
      Model m = Models.load(c.keras(), KerasFixturesTest.OPTIONS);
      m.inferencePlans().setEnabled(false);
      List<INDArray> reference = m.predictOnBatch(x);
      m.inferencePlans().setEnabled(true);
      List<INDArray> got = m.predictOnBatch(x);
      total++;
      if (!m.inferencePlans().isPlanned(x)) {
        eager.put(c.id(), m.inferencePlans().eagerReason(x));
        continue;
      }
      planned++;
      assertEquals(reference.size(), got.size(), c.id() + ": number of outputs");
      for (int i = 0; i < got.size(); i++) {
        KerasModels.assertClose(reference.get(i), got.get(i), c.id() + " planned vs eager, output " + i);
        KerasModels.assertClose(ys.get(i), got.get(i), c.id() + " planned vs Keras, output " + i);
      }
      // A second call reuses the frame's buffers: it must give the same again.
      List<INDArray> again = m.predictOnBatch(x);
      for (int i = 0; i < got.size(); i++) {
        assertEquals(got.get(i), again.get(i), c.id() + " second planned call, output " + i);
      }
    }
    List<String> lines = new ArrayList<>();
    eager.forEach((k, v) -> lines.add("  eager " + k + ": " + v));
    System.out.println("[PlannedFixturesTest] " + planned + " of " + total + " fixture models planned\n"
        + String.join("\n", lines));
    assertTrue(total > 0, "no fixture model was checked");
    assertTrue(planned >= PLANNED_FLOOR, "planned fixture models dropped to " + planned + " (floor " + PLANNED_FLOOR
        + ")");
  }
}
