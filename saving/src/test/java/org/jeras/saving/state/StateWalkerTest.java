package org.jeras.saving.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
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
