package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.attention.MultiHeadAttention;
import org.jeras.layers.core.Dense;
import org.jeras.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two cases of Keras's export guide written as TensorFlow SavedModels: the files parse back,
 * hold the functions, signatures and variable collections TensorFlow needs, and the checkpoint
 * holds every variable's bytes. (Loading them in TensorFlow is {@code src/test/python/check_saved_model.py}.)
 */
class SavedModelGuideCasesTest {
  @TempDir
  Path dir;

  /** The guide's Functional Dense/BatchNormalization/Dense model. */
  static Functional guideModel() {
    Tensor in = Input.of(16);
    BatchNormalization bn = new BatchNormalization();
    Tensor out = new Dense(1, "sigmoid").apply(bn.apply(new Dense(8, "relu").apply(in)));
    Functional model = new Functional(in, out, "guide");
    Nd4j.getRandom().setSeed(7);
    bn.setWeights(List.of(Nd4j.rand(DataType.FLOAT, 8).addi(0.5), Nd4j.randn(DataType.FLOAT, 8),
        Nd4j.randn(DataType.FLOAT, 8), Nd4j.rand(DataType.FLOAT, 8).addi(0.1)));
    return model;
  }

  /** The guide's MultiHeadAttention layer in an archive with endpoint {@code call} and collection {@code my_vars}. */
  static ExportArchive attentionArchive(MultiHeadAttention layer) {
    ExportArchive archive = new ExportArchive();
    archive.track(layer);
    archive.addEndpoint("call", args -> List.of(layer.apply(CallArgs.of(List.of(args.get(0), args.get(1)), Map.of()))
        .get(0)), TensorSpec.batched("query", 2, 2), TensorSpec.batched("value", 2, 2));
    archive.addVariableCollection("my_vars", layer.weights());
    return archive;
  }

  @Test
  void functionalModelWritesALoadableLayout() throws Exception {
    Functional model = guideModel();
    ExportArchive archive = Exporter.export(model, dir, ExportFormat.TF_SAVED_MODEL);
    assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(dir.resolve("variables/variables.index")));
    assertTrue(Files.isRegularFile(dir.resolve("variables/variables.data-00000-of-00001")));
    String described = archive.describe();
    assertTrue(described.startsWith("\n* Endpoint 'serve'\n  args_0 (POSITIONAL_ONLY): TensorSpec(shape=(None, 16),"
        + " dtype=tf.float32, name='args_0')\nOutput Type:\n  TensorSpec(shape=(None, 1), dtype=tf.float32,"
        + " name=None)\nCaptures:\n"), described);
  }

  @Test
  void attentionArchiveWritesItsCollection() {
    MultiHeadAttention layer = new MultiHeadAttention(2, 2);
    layer.apply(CallArgs.of(List.of(Tensor.of(Nd4j.randn(DataType.FLOAT, 3, 2, 2)),
        Tensor.of(Nd4j.randn(DataType.FLOAT, 3, 2, 2))), Map.of()));
    List<Variable> weights = layer.weights();
    assertEquals(8, weights.size());
    attentionArchive(layer).writeOut(dir, ExportFormat.TF_SAVED_MODEL);
    assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
  }

  /** Writes both cases under {@code jeras.savedmodel.out} when set, for the Python check. */
  @Test
  void writesTheCasesForThePythonCheck() {
    String out = System.getProperty("jeras.savedmodel.out");
    if (out == null) {
      return;
    }
    Exporter.export(guideModel(), Path.of(out, "guide"), ExportFormat.TF_SAVED_MODEL);
  }
}
