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
      Map.entry("activations_masked", "Incompatible broadcast"),
      // GroupQueryAttention returning its scores: the masked Softmax, as above.
      Map.entry("gqa_masked_scores", "was not computed by Jeras ops"),
      // ContrastLimitedAdaptiveHistogramEqualization computes its tile histograms and lookups on arrays.
      Map.entry("clahe", "was not computed by Jeras ops"),
      Map.entry("clahe_no_clip", "was not computed by Jeras ops"),
      Map.entry("clahe_padded_range_cf", "was not computed by Jeras ops"),
      Map.entry("pipeline_deterministic", "was not computed by Jeras ops"),
      // String lookups, hashing, crossing and text vectorization compute in Java (hash functions,
      // vocabularies, text splitting), not with Jeras ops: string inputs are refused, and integer
      // lookups leave nothing for the tracer to lower.
      Map.entry("hashed_crossing", "is a string tensor"),
      Map.entry("hashing_modes", "is a string tensor"),
      Map.entry("hashing_one_hot", "is a string tensor"),
      Map.entry("integer_lookup_modes", "was not computed by Jeras ops"),
      Map.entry("integer_lookup_one_hot", "was not computed by Jeras ops"),
      Map.entry("string_lookup_adapted", "is a string tensor"),
      Map.entry("string_lookup_modes", "is a string tensor"),
      Map.entry("string_lookup_one_hot_invert", "is a string tensor"),
      Map.entry("text_vectorization_adapted", "is a string tensor"),
      Map.entry("text_vectorization_nosplit", "is a string tensor"),
      Map.entry("text_vectorization_vocab", "is a string tensor"),
      // Stateful recurrent layers: a graph would neither read nor move the states kept between calls.
      Map.entry("stateful_conv_lstm2d", "carries states between calls"),
      Map.entry("stateful_gru", "carries states between calls"),
      Map.entry("stateful_lstm", "carries states between calls"),
      Map.entry("stateful_rnn_stacked", "carries states between calls"),
      Map.entry("stateful_simple_rnn", "carries states between calls"));

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
