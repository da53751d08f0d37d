package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two cases of Keras's export guide written as TensorFlow SavedModels, with the endpoint
 * listing Keras prints. With {@code -Djeras.keepSavedModels=DIR} each is kept as
 * {@code DIR/<case>/model} with its inputs, Jeras's outputs and the collection's values in
 * {@code io.npz}, for {@code src/test/python/check_saved_model.py} to load in TensorFlow.
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
    // Non-trivial statistics so the inference-mode normalization matters.
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
  void functionalModelPrintsItsEndpointAsKerasDoes() throws IOException {
    Functional model = guideModel();
    ExportArchive archive = Exporter.export(model, dir, ExportFormat.TF_SAVED_MODEL);
    StringBuilder captures = new StringBuilder();
    for (Variable v : model.weights()) {
      captures.append("  ").append(v.path()).append(": TensorSpec(shape=(), dtype=tf.resource, name=None)\n");
    }
    assertEquals("\n* Endpoint 'serve'\n  args_0 (POSITIONAL_ONLY): TensorSpec(shape=(None, 16), dtype=tf.float32,"
        + " name='args_0')\nOutput Type:\n  TensorSpec(shape=(None, 1), dtype=tf.float32, name=None)\nCaptures:\n"
        + captures, archive.describe());
    INDArray x = Nd4j.randn(DataType.FLOAT, 8, 16);
    KeptSavedModels.keep(dir, "guide_functional", "serve", Map.of("x0", x, "y0", model.predict(x, 8)));
  }

  @Test
  void attentionArchiveWritesItsCollection() throws IOException {
    MultiHeadAttention layer = new MultiHeadAttention(2, 2);
    Nd4j.getRandom().setSeed(11);
    INDArray query = Nd4j.randn(DataType.FLOAT, 3, 2, 2);
    INDArray value = Nd4j.randn(DataType.FLOAT, 3, 2, 2);
    INDArray expected = layer.apply(CallArgs.of(List.of(Tensor.of(query), Tensor.of(value)), Map.of())).get(0).value();
    List<Variable> weights = layer.weights();
    assertEquals(8, weights.size());
    ExportArchive archive = attentionArchive(layer);
    archive.writeOut(dir, ExportFormat.TF_SAVED_MODEL);
    assertTrue(archive.describe().startsWith("\n* Endpoint 'call'\n  args_0 (POSITIONAL_ONLY): TensorSpec(shape=(None,"
        + " 2, 2), dtype=tf.float32, name='query')\n  args_1 (POSITIONAL_ONLY): TensorSpec(shape=(None, 2, 2),"
        + " dtype=tf.float32, name='value')\nOutput Type:\n  TensorSpec(shape=(None, 2, 2), dtype=tf.float32,"
        + " name=None)\n"), archive.describe());
    Map<String, INDArray> io = new LinkedHashMap<>(Map.of("x0", query, "x1", value, "y0", expected));
    for (int i = 0; i < weights.size(); i++) {
      io.put("my_vars_" + i, weights.get(i).array());
    }
    KeptSavedModels.keep(dir, "guide_attention", "call", io);
  }
}
