package org.jeras.core.losses;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.core.callbacks.History;
import org.jeras.core.metrics.F1Score;
import org.jeras.core.metrics.MeanIoU;
import org.jeras.core.metrics.OneHotMeanIoU;
import org.jeras.core.metrics.PearsonCorrelation;
import org.jeras.core.metrics.R2Score;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adafactor;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.Lamb;
import org.jeras.core.optimizers.LossScaleOptimizer;
import org.jeras.core.optimizers.Muon;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.optimizers.ScheduleFreeAdamW;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The new losses, metrics and optimizers in a real training loop: Keras's trajectory model
 * (Dense 5 -> 8 -> 3; a sigmoid copy for Dice and Tversky) compiled in Jeras with each of them
 * fits eight epochs, every logged value finite and the loss lower at the end.
 */
class CatalogueTrainingTest {
  private static Model model() {
    return Models.load(Fixtures.file("trajectories/catalogue/lamb.keras"));
  }

  /** Dense 5 -> 8 (relu) -> 3 (sigmoid): the overlap losses need predictions in [0, 1]. */
  private static Model sigmoidModel() {
    Sequential m = new Sequential("overlap");
    m.add(Input.of(5));
    m.add(new Dense(8, "relu"));
    m.add(new Dense(3, "sigmoid"));
    return m;
  }

  private static INDArray x() {
    return Fixtures.npz("trajectories/catalogue/lamb.npz").get("x");
  }

  private static void fitsDown(Model m, INDArray y, String what) {
    History h = m.fit(x(), y, FitOptions.defaults().batchSize(4).epochs(8).shuffle(false).verbose(0));
    for (Map.Entry<String, List<Double>> e : h.history().entrySet()) {
      for (double v : e.getValue()) {
        assertFalse(Double.isNaN(v) || Double.isInfinite(v), what + ": " + e.getKey() + " = " + v);
      }
    }
    List<Double> loss = h.history().get("loss");
    assertTrue(loss.get(loss.size() - 1) < loss.get(0), what + ": loss " + loss);
  }

  @Test
  void newLossesTrain() {
    INDArray onehot = Fixtures.npz("trajectories/catalogue/lamb.npz").get("y");
    INDArray labels = Nd4j.argMax(onehot, 1).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    Model m = sigmoidModel();
    m.compile(new Adam(0.01), new Dice(), new F1Score("macro", null, "f1_score", null),
        new PearsonCorrelation());
    fitsDown(m, Transforms.sigmoid(onehot, true), "Dice");
    m = sigmoidModel();
    m.compile(new Adam(0.01), new Tversky(0.3, 0.7), new R2Score());
    fitsDown(m, onehot, "Tversky");
    m = model();
    m.compile(new Adam(0.01), new Circle(16, 0.25, true),
        new MeanIoU(3, "mean_io_u", null, null, true, false, -1));
    fitsDown(m, labels, "Circle");
    m = model();
    m.compile(new Adam(0.01), new CategoricalCrossentropy(true, 0, -1), new OneHotMeanIoU(3, "one_hot_mean_io_u", null,
        null, false, -1));
    fitsDown(m, onehot, "one-hot IoU metric");
  }

  @Test
  void newOptimizersTrain() {
    INDArray onehot = Fixtures.npz("trajectories/catalogue/lamb.npz").get("y");
    for (Optimizer o : List.of(new Lamb(0.01), new Adafactor(0.01), new Muon(0.01),
        new LossScaleOptimizer(new Adam(0.01)), new ScheduleFreeAdamW(0.01))) {
      Model m = model();
      m.compile(o, new CategoricalCrossentropy(true, 0, -1));
      fitsDown(m, onehot, o.className());
    }
  }
}
