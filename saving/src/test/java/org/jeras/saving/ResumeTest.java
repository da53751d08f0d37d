package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Variable;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Training resumes exactly across save and load, for files from Keras and from Jeras. */
class ResumeTest {
  @TempDir
  Path tmp;

  /** k steps, save, load, m steps equals k+m steps without saving (weights and optimizer variables). */
  @Test
  void saveLoadInTheMiddleOfTrainingChangesNothing() {
    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.rand(DataType.FLOAT, 24, 6);
    INDArray y = Nd4j.rand(DataType.FLOAT, 24, 2);
    FitOptions oneEpoch = FitOptions.defaults().batchSize(8).epochs(1).shuffle(false).verbose(0);

    Model straight = mlp(1);
    List<INDArray> initial = straight.getWeights();
    straight.fit(x, y, oneEpoch);
    straight.fit(x, y, oneEpoch);

    Model first = mlp(1);
    first.setWeights(initial);
    first.fit(x, y, oneEpoch);
    Path file = tmp.resolve("mid.keras");
    first.save(file);
    Model resumed = Models.load(file);
    resumed.fit(x, y, oneEpoch);

    List<INDArray> a = straight.getWeights();
    List<INDArray> b = resumed.getWeights();
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), "weight " + i);
    }
    List<Variable> va = straight.optimizer().variables();
    List<Variable> vb = resumed.optimizer().variables();
    assertEquals(va.size(), vb.size());
    for (int i = 0; i < va.size(); i++) {
      assertEquals(va.get(i).array(), vb.get(i).array(), "optimizer variable " + va.get(i).path());
    }
    assertEquals(6, resumed.optimizer().iterations());
  }

  private static Model mlp(long seed) {
    Seeds.setGlobalSeed(seed);
    Sequential m = new Sequential("resume_mlp");
    m.add(Input.of(6));
    m.add(new Dense(5, "relu"));
    m.add(new Dense(2));
    m.compile(new Adam(0.01), "mse");
    return m;
  }
}
