package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot be written as a SavedModel fails with one typed line naming the op, layer or path. */
class SavedModelErrorsTest {
  @TempDir
  Path dir;

  @Test
  void anOpTensorFlowCannotExpressNamesItAndWritesNothing() {
    ExportArchive archive = new ExportArchive();
    archive.addEndpoint("serve", args -> List.of(NnOps.sparsemax(args.get(0), -1)),
        new TensorSpec("x", new long[] {-1, -1}, DType.FLOAT32));
    ExportException e = assertThrows(ExportException.class,
        () -> archive.writeOut(dir.resolve("out"), ExportFormat.TF_SAVED_MODEL));
    assertTrue(e.getMessage().startsWith("Cannot export op sparsemax"), e.getMessage());
    assertTrue(e.getMessage().endsWith("to a TensorFlow SavedModel: sparsemax over an axis of dynamic size"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertTrue(!Files.exists(dir.resolve("out/saved_model.pb")), "nothing is written");
  }

  @Test
  void anUnwritableDirectoryNamesIt() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "not a directory");
    Tensor in = Input.of(4);
    Functional model = new Functional(in, new Dense(3).apply(in), "m");
    ExportException e = assertThrows(ExportException.class,
        () -> Exporter.export(model, file, ExportFormat.TF_SAVED_MODEL));
    assertTrue(e.getMessage().startsWith("Cannot write the SavedModel to " + file), e.getMessage());
  }

  @Test
  void anEndpointCannotTakeTheNameOfACollectionOrOfTheRootsLists() {
    Tensor in = Input.of(4);
    Dense dense = new Dense(3);
    Functional model = new Functional(in, dense.apply(in), "m");
    ExportArchive archive = new ExportArchive().track(model);
    archive.addEndpoint("variables", args -> Exporter.serve(model, args), Exporter.signature(model).toArray(
        new org.jeras.core.graph.TensorSpec[0]));
    ExportException e = assertThrows(ExportException.class, () -> archive.writeOut(dir, ExportFormat.TF_SAVED_MODEL));
    assertEquals("Cannot write a SavedModel: endpoint name 'variables' is taken by the SavedModel's own attribute",
        e.getMessage());
  }
}
