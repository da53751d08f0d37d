package org.jeras.saving.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.optimizers.OptimizerOptions;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Dense;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.jeras.saving.WeightsFile;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5Structures;
import org.jeras.saving.h5.H5WeightsReader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** StateWalker checked against files written by real Keras (the fixtures). */
class StateWalkerFixtureTest {

  private static String name(Layer b, String attr, int i, int j) {
    Object o = ((List<?>) b.trackedAttributes().get(attr)).get(i);
    return ((Layer) (j < 0 ? o : ((List<?>) o).get(j))).name();
  }

  @Test
  void mismatchesNameThePathAndShapes() {
    Sequential m = new Sequential("seq_mlp");
    m.add(Input.of(8));
    m.add(new Dense(16, "relu"));
    m.add(new Dense(5));
    ConfigException e = assertThrows(ConfigException.class,
        () -> WeightsFile.load(m, Fixtures.file("seq_mlp.weights.h5"), false));
    assertTrue(e.getMessage().startsWith("A total of 1 objects could not be loaded."), e.getMessage());
    assertTrue(e.getMessage().contains("layers/dense_1/vars/0"), e.getMessage());
    assertTrue(e.getMessage().contains("expected (16, 5)") && e.getMessage().contains("found (16, 4)"), e.getMessage());

    INDArray before = m.layers().get(1).getWeights().get(0);
    WeightsFile.load(m, Fixtures.file("seq_mlp.weights.h5"), true);
    assertEquals(before, m.layers().get(1).getWeights().get(0), "mismatched layer left as it was");
    Model ref = Models.load(Fixtures.file("seq_mlp.keras"));
    assertEquals(ref.layers().get(0).getWeights().get(0), m.layers().get(0).getWeights().get(0), "matching layer loaded");
  }

  @Test
  void aLayerWithMissingVariablesFails() {
    Sequential m = new Sequential("seq_mlp");
    m.add(Input.of(8));
    m.add(new Dense(16, "relu"));
    m.add(new Dense(4));
    m.add(new Dense(2));
    ConfigException e = assertThrows(ConfigException.class,
        () -> WeightsFile.load(m, Fixtures.file("seq_mlp.weights.h5"), false));
    assertTrue(e.getMessage().contains("layers/dense_2"), e.getMessage());
  }

  /** A saveable of one's own: an uncompiled model's walk plus an optimizer under {@code optimizer}. */
  record Compiled(Model model, Optimizer optimizer) implements Saveable {
    @Override
    public Object target() {
      return model;
    }

    @Override
    public String className() {
      return model.className();
    }

    @Override
    public String name() {
      return model.name();
    }

    @Override
    public void saveOwnVariables(VariableStore store) {
      model.saveOwnVariables(store);
    }

    @Override
    public void loadOwnVariables(VariableStore store) {
      model.loadOwnVariables(store);
    }

    @Override
    public List<Map.Entry<String, Object>> children() {
      List<Map.Entry<String, Object>> c = new ArrayList<>(Saveables.of(model).children());
      c.add(new AbstractMap.SimpleImmutableEntry<>("optimizer", optimizer));
      return c;
    }
  }

  @Test
  void optimizerStateRoundTripsThroughKerasFiles() throws IOException {
    Path file = Fixtures.file("opt_adam_cce.weights.h5");
    Model m = Models.load(Fixtures.file("opt_adam_cce.keras"), LoadOptions.DEFAULT.withCompile(false));
    assertFalse(m.isCompiled());
    // Named as in the file: an unnamed optimizer gets a session-unique name (adam_1, ...), as in Keras.
    Adam adam = new Adam(OptimizerOptions.of(0.01).withName("adam"), 0.9, 0.999, 1e-7, false);
    adam.build(m.trainableWeights());
    try (H5WeightsReader r = new H5WeightsReader(H5Reader.open(file))) {
      StateWalker.load(new Compiled(m, adam), r, null, false);
    }
    assertEquals(2, adam.iterations());
    try (H5Reader r = H5Reader.open(file)) {
      List<Variable> vars = adam.variables();
      assertEquals(r.keys("optimizer/vars").size(), vars.size());
      for (int i = 0; i < vars.size(); i++) {
        assertEquals(r.dataset("optimizer/vars/" + i), vars.get(i).array(), "optimizer variable " + i);
      }
      H5Structures expected = H5Structures.of(r);
      H5Structures actual = StateWalkerTest.saved(new Compiled(m, adam));
      assertEquals(expected.lines(), actual.lines());
      expected.assertSameValues(actual, "opt_adam_cce");
    }
  }

  @Test
  void anUnbuiltOptimizerSkipsItsStateWithAWarning() throws IOException {
    Model m = Models.load(Fixtures.file("opt_adam_cce.keras"), LoadOptions.DEFAULT.withCompile(false));
    Adam adam = new Adam(0.01);
    try (H5WeightsReader r = new H5WeightsReader(H5Reader.open(Fixtures.file("opt_adam_cce.weights.h5")))) {
      StateWalker.load(new Compiled(m, adam), r, null, false);
    }
    assertEquals(0, adam.iterations());
  }
}
