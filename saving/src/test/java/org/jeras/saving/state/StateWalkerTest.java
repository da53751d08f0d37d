package org.jeras.saving.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.Optimizer;
import org.jeras.core.optimizers.OptimizerOptions;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.Fixtures;
import org.jeras.layers.core.Dense;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.jeras.saving.WeightsFile;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.h5.H5Structures;
import org.jeras.saving.h5.H5WeightsReader;
import org.jeras.saving.h5.H5WeightsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The walk names, orders, de-duplicates and checks state as Keras's {@code _save_state}/{@code _load_state}. */
class StateWalkerTest {
  @TempDir
  Path tmp;

  static Dense built(int units, long in) {
    Dense d = new Dense(units);
    d.build(Shape.of(-1, in), true);
    return d;
  }

  /** A layer holding children the ways a Python layer can: directly, in lists (nested), in a dict, privately. */
  static final class Block extends Layer {
    final Dense shared = built(2, 3);

    Block() {
      track("proj", shared);
      track("again", shared);
      List<Object> blocks = new ArrayList<>(List.of(built(3, 3), built(3, 3), List.of(built(4, 3))));
      track("blocks", blocks);
      Map<String, Object> byName = new LinkedHashMap<>();
      byName.put("a", built(6, 3));
      track("by_name", byName);
      track("_hidden", built(5, 3));
      markBuilt(null);
    }
  }

  static H5Structures saved(Object root) throws IOException {
    H5WeightsWriter w = new H5WeightsWriter();
    StateWalker.save(root, w, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.writeTo(out);
    return H5Structures.of(out.toByteArray(), "walk");
  }

  static H5WeightsReader reader(Object root) throws IOException {
    H5WeightsWriter w = new H5WeightsWriter();
    StateWalker.save(root, w, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.writeTo(out);
    return new H5WeightsReader(H5Reader.fromBytes(out.toByteArray(), "walk"));
  }

  @Test
  void namesContainersAndSavesSharedObjectsOnce() throws IOException {
    Block b = new Block();
    List<String> groups = saved(b).lines().stream().filter(l -> l.startsWith("G ")).toList();
    String n = b.name();
    assertEquals(List.of(
        "G / {}",
        "G /_hidden {}", "G /_hidden/vars {name=" + ((Layer) b.trackedAttributes().get("_hidden")).name() + "}",
        // "again" sorts before "proj", so the shared Dense is saved there and only there
        "G /again {}", "G /again/vars {name=" + b.shared.name() + "}",
        "G /blocks {}",
        "G /blocks/container {}", "G /blocks/container/dense {}",
        "G /blocks/container/dense/vars {name=" + name(b, "blocks", 2, 0) + "}",
        "G /blocks/dense {}", "G /blocks/dense/vars {name=" + name(b, "blocks", 0, -1) + "}",
        "G /blocks/dense_1 {}", "G /blocks/dense_1/vars {name=" + name(b, "blocks", 1, -1) + "}",
        "G /by_name {}", "G /by_name/dense {}",
        "G /by_name/dense/vars {name=" + ((Layer) ((Map<?, ?>) b.trackedAttributes().get("by_name")).get("a")).name() + "}",
        "G /vars {name=" + n + "}"), groups);
  }

  private static String name(Layer b, String attr, int i, int j) {
    Object o = ((List<?>) b.trackedAttributes().get(attr)).get(i);
    return ((Layer) (j < 0 ? o : ((List<?>) o).get(j))).name();
  }

  @Test
  void walksPrivateAttributesLast() {
    Block b = new Block();
    List<String> order = Saveables.of(b).children().stream().map(Map.Entry::getKey).toList();
    assertEquals(List.of("again", "blocks", "by_name", "proj", "_hidden"), order);
  }

  @Test
  void loadsEveryVariableBack() throws IOException {
    Block a = new Block();
    Block b = new Block();
    assertNotEquals(a.getWeights().get(0), b.getWeights().get(0));
    try (H5WeightsReader r = reader(a)) {
      StateWalker.load(b, r, null, false);
    }
    List<INDArray> wa = a.getWeights();
    List<INDArray> wb = b.getWeights();
    assertEquals(wa.size(), wb.size());
    for (int i = 0; i < wa.size(); i++) {
      assertEquals(wa.get(i), wb.get(i), "weight " + i);
    }
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
      H5Structures actual = saved(new Compiled(m, adam));
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

  /** A layer with a file asset, like Keras's lookup layers' vocabularies. */
  static final class Vocab extends Layer {
    String words;

    Vocab(String words) {
      this.words = words;
      markBuilt(null);
    }

    @Override
    protected Tensor call(Tensor input, CallContext ctx) {
      return input;
    }

    @Override
    public void saveAssets(Path dir) throws IOException {
      Files.writeString(dir.resolve("vocabulary.txt"), words);
    }

    @Override
    public void loadAssets(Path dir) throws IOException {
      words = Files.readString(dir.resolve("vocabulary.txt"));
    }
  }

  @Test
  void assetsGoToEachSaveablesPath() throws IOException {
    Sequential m = new Sequential("with_assets");
    m.add(Input.of(3));
    m.add(new Vocab("a\nb\n"));
    AssetsStore store = new AssetsStore(tmp.resolve("assets"));
    StateWalker.save(m, null, store);
    assertEquals("a\nb\n", Files.readString(tmp.resolve("assets/layers/vocab/vocabulary.txt")));
    Sequential n = new Sequential("with_assets");
    n.add(Input.of(3));
    Vocab v = new Vocab("");
    n.add(v);
    StateWalker.load(n, null, store, false);
    assertEquals("a\nb\n", v.words);
  }
}
