package org.jeras.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.saving.LoadOptions;
import org.jeras.saving.Models;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own real-Keras files ({@code extra/}) export to ONNX and ONNX Runtime reproduces
 * Jeras's predictions at two batch sizes, as {@link OnnxFixturesTest} checks for the shared fixtures;
 * the files that cannot be exported yet are named in {@link #PENDING} with the error they give.
 */
class OnnxExtraFilesTest {
  private static final LoadOptions OPTIONS = LoadOptions.DEFAULT.withCustomObjects(FixtureCustomObjects.classes());

  /** Extra files (by name) that cannot be exported yet, each with the text its export error contains. */
  static final Map<String, String> PENDING = Map.ofEntries(
      // keras.ops nodes whose constant operands are made outside the ops (they would declare Tracer.literal).
      Map.entry("ops_activations_reductions", "was not computed by Jeras ops"),
      Map.entry("ops_arithmetic", "was not computed by Jeras ops"),
      Map.entry("ops_shapes_indexing", "was not computed by Jeras ops"),
      // Masks that masked merges (Maximum, Minimum, Multiply) and a masked Softmax combine outside the ops.
      Map.entry("masks_through_merges", "was not computed by Jeras ops"),
      Map.entry("attention_explicit_masks", "was not computed by Jeras ops"),
      // GroupQueryAttention returning its scores: the masked Softmax, as above.
      Map.entry("gqa_masked_scores", "was not computed by Jeras ops"),
      Map.entry("activations_masked", "Incompatible broadcast"));

  @TempDir
  Path dir;

  static Stream<Path> files() {
    return Fixtures.extraFiles(".keras").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void exportsAndReproduces(Path keras) throws Exception {
    String name = keras.getFileName().toString().replace(".keras", "");
    Names.reset();
    Model model = Models.load(keras, OPTIONS);
    List<org.nd4j.linalg.api.ndarray.INDArray> xs = KerasModels.inputs(Npz.read(keras.resolveSibling(name + ".io.npz")));
    OnnxFixturesTest.checkExport("extra/" + keras.getParent().getFileName() + "/" + name, model, xs, dir,
        PENDING.get(name));
  }
}
