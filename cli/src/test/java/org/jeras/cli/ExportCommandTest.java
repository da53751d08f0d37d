package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Model;
import org.jeras.export.ExportedModel;
import org.jeras.saving.KerasFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@code jeras export}: the artifact runs on ONNX Runtime as the model does; signatures printed as Keras does. */
class ExportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void exportsOnnxAndPrintsTheEndpoints() {
    Path file = CliRun.denseModel(tmp, "m.keras");
    Path out = tmp.resolve("artifact");
    CliRun r = CliRun.of("export", file.toString(), out.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Endpoint 'serve'\n  Args:\n    args_0: float32 Tensor, shape=(None, 8)\n"
        + "  Returns:\n    float32 Tensor, shape=(None, 4)\n"), r.out());

    Layer loaded = KerasFile.load(file, org.jeras.saving.LoadOptions.DEFAULT);
    INDArray x = Nd4j.rand(DataType.FLOAT, 5, 8);
    INDArray expected = ((Model) loaded).predictOnBatch(x);
    try (ExportedModel m = ExportedModel.load(out)) {
      INDArray got = m.endpoint("serve").call(x).get(0);
      assertTrue(got.equalsWithEps(expected, 1e-6), got + " vs " + expected);
    }
  }

  @Test
  void exportsASavedModelAndPrintsTheEndpointAsKerasDoes() {
    Path file = CliRun.denseModel(tmp, "m.keras");
    Path out = tmp.resolve("saved_model");
    CliRun r = CliRun.of("export", "--format", "tf_saved_model", file.toString(), out.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Saved artifact at '" + out + "'. The following endpoints are available:\n\n"
        + "* Endpoint 'serve'\n  args_0 (POSITIONAL_ONLY): TensorSpec(shape=(None, 8), dtype=tf.float32,"
        + " name='args_0')\nOutput Type:\n  TensorSpec(shape=(None, 4), dtype=tf.float32, name=None)\nCaptures:\n"),
        r.out());
    assertTrue(Files.isRegularFile(out.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(out.resolve("variables/variables.index")));
  }

  @Test
  void aMissingModelIsOneLine() {
    CliRun r = CliRun.of("export", tmp.resolve("nope.keras").toString(), tmp.resolve("o").toString());
    r.assertOneFailureLine();
    assertTrue(r.err().contains("nope.keras"), r.err());
  }
}
