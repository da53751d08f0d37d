package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
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

/** The two cases of Keras's export guide, exported to ONNX and served by ONNX Runtime. */
class GuideCasesTest {
  @TempDir
  Path dir;

  static double maxAbsDiff(INDArray a, INDArray b) {
    assertEquals(Arrays.toString(a.shape()), Arrays.toString(b.shape()));
    return Nd4j.createFromArray(a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).data().asDouble())
        .amaxNumber().doubleValue();
  }

  @Test
  void functionalModelServesItsPredictions() {
    Tensor in = Input.of(16);
    BatchNormalization bn = new BatchNormalization();
    Tensor out = new Dense(1, "sigmoid").apply(bn.apply(new Dense(8, "relu").apply(in)));
    Functional model = new Functional(in, out, "guide");
    Nd4j.getRandom().setSeed(7);
    // Non-trivial statistics so the inference-mode normalization matters.
    bn.setWeights(List.of(Nd4j.rand(DataType.FLOAT, 8).addi(0.5), Nd4j.randn(DataType.FLOAT, 8),
        Nd4j.randn(DataType.FLOAT, 8), Nd4j.rand(DataType.FLOAT, 8).addi(0.1)));

    Exporter.export(model, dir, ExportFormat.ONNX);
    INDArray x = Nd4j.randn(DataType.FLOAT, 8, 16);
    INDArray expected = model.predict(x, 8);
    try (ExportedModel reloaded = ExportedModel.load(dir)) {
      assertEquals(List.of("serve"), reloaded.endpointNames());
      ExportedEndpoint serve = reloaded.endpoint("serve");
      assertEquals("Endpoint 'serve'\n  Args:\n    args_0: float32 Tensor, shape=(None, 16)\n  Returns:\n"
          + "    float32 Tensor, shape=(None, 1)\n", serve.describe());
      INDArray got = serve.call(x).get(0);
      assertTrue(maxAbsDiff(expected, got) <= 1e-6, "serve(x) differs from predict(x) by " + maxAbsDiff(expected, got));
      // Inputs by name, and another batch size through the dynamic batch dimension.
      INDArray x3 = Nd4j.randn(DataType.FLOAT, 3, 16);
      INDArray got3 = serve.call(Map.of("args_0", x3)).get(0);
      assertTrue(maxAbsDiff(model.predict(x3, 3), got3) <= 1e-6);
    }
  }

  @Test
  void multiHeadAttentionThroughAnExportArchive() {
    MultiHeadAttention layer = new MultiHeadAttention(2, 2);
    Nd4j.getRandom().setSeed(11);
    INDArray query = Nd4j.randn(DataType.FLOAT, 3, 2, 2);
    INDArray value = Nd4j.randn(DataType.FLOAT, 3, 2, 2);
    INDArray expected = layer.apply(CallArgs.of(List.of(Tensor.of(query), Tensor.of(value)), Map.of())).get(0).value();

    ExportArchive archive = new ExportArchive();
    archive.track(layer);
    archive.addEndpoint("call", args -> List.of(layer.apply(CallArgs.of(List.of(args.get(0), args.get(1)), Map.of()))
        .get(0)), TensorSpec.batched(null, 2, 2), TensorSpec.batched(null, 2, 2));
    List<Variable> weights = layer.weights();
    assertEquals(8, weights.size());
    archive.addVariableCollection("my_vars", weights);
    archive.writeOut(dir);

    try (ExportedModel reloaded = ExportedModel.load(dir)) {
      INDArray got = reloaded.endpoint("call").call(query, value).get(0);
      assertTrue(maxAbsDiff(expected, got) <= 1e-6, "call(query, value) differs by " + maxAbsDiff(expected, got));
      Map<String, INDArray> vars = reloaded.variables("my_vars");
      assertEquals(8, vars.size());
      int i = 0;
      for (Map.Entry<String, INDArray> e : vars.entrySet()) {
        assertEquals(weights.get(i).path(), e.getKey());
        assertEquals(weights.get(i).array(), e.getValue(), e.getKey());
        i++;
      }
      assertEquals(List.of("my_vars"), reloaded.variableCollections());
    }
  }
}
