package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.saving.h5.H5Reader;
import org.jeras.saving.legacy.LegacyWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * tf.keras 2.x forms Keras 3 no longer writes, one hand-made file each ({@code keras/legacy/keras2/},
 * made by {@code gen_keras2.py} from Keras-3-written legacy files with the same weights, so the source
 * fixture's outputs are the expected ones; Keras 3.16 itself loads each to those outputs except the one
 * {@code keras2.json} records it misreads): {@code batch_input_shape} (on an InputLayer, and on the first
 * layer of a Sequential without one), class name {@code Model}, inbound nodes as nested lists, a
 * one-element {@code axis} list, {@code :0} weight names with Bidirectional prefixes, an optimizer config
 * with {@code decay}.
 */
class LegacyKeras2FilesTest {
  @TempDir
  Path tmp;

  static Path dir() {
    return Fixtures.dir().resolve("legacy").resolve("keras2");
  }

  static JsonObject report() throws IOException {
    return JsonParser.parseString(Files.readString(dir().resolve("keras2.json"))).getAsJsonObject();
  }

  static Stream<String> files() throws IOException {
    return report().keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsToTheSourceFixturesOutputs(String name) throws IOException {
    JsonObject c = report().getAsJsonObject(name);
    Map<String, INDArray> io = Npz.read(Fixtures.file(c.get("io").getAsString()));
    Names.reset();
    Model m = Models.load(dir().resolve(name + ".h5"));
    KerasFixturesTest.checkPredictions(m, io, name);
    boolean compiled = c.has("compiled") && c.get("compiled").getAsBoolean();
    assertEquals(compiled, m.isCompiled(), name + ": compiled");
    if (compiled) {
      try (H5Reader r = H5Reader.open(dir().resolve(name + ".h5"))) {
        List<INDArray> saved = LegacyWeights.values(r, "optimizer_weights");
        List<Variable> vars = m.optimizer().variables();
        assertEquals(saved.size(), vars.size(), name + ": optimizer variables");
        for (int i = 0; i < vars.size(); i++) {
          assertEquals(saved.get(i).castTo(vars.get(i).array().dataType()), vars.get(i).array(), name + ": " + vars.get(i).path());
        }
      }
    }
    Path keras = tmp.resolve(name + ".keras");
    m.save(keras);
    Names.reset();
    KerasFixturesTest.checkPredictions(Models.load(keras), io, name + " re-saved as .keras");
  }

  /** Every hand-made file is listed (and so checked). */
  @Test
  void everyFileIsListed() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(dir())) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h5")).map(n -> n.replace(".h5", ""))
          .sorted().toList();
    }
    assertEquals(files().toList(), files);
    assertTrue(files.size() >= 6);
  }
}
