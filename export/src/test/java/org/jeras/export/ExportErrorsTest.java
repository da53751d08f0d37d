package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.graph.TraceException;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors of exporting, worded as Keras words them. */
class ExportErrorsTest {
  @TempDir
  Path dir;

  private static Dense builtDense() {
    return builtDense(new float[][] {{1, 2, 3}});
  }

  private static Dense builtDense(float[][] example) {
    Dense d = new Dense(2);
    d.apply(Tensor.of(example));
    return d;
  }

  @Test
  void anEndpointUsingAnUntrackedLayerFails() {
    Dense tracked = builtDense();
    Dense untracked = builtDense(new float[][] {{1, 2}});
    ExportArchive archive = new ExportArchive().track(tracked);
    ExportException e = assertThrows(ExportException.class, () -> archive.addEndpoint("call",
        args -> List.of(untracked.apply(tracked.apply(args.get(0)))),
        TensorSpec.batched(null, 3)));
    assertTrue(e.getMessage().startsWith("Tried to export a function which references an 'untracked' resource"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'" + untracked.weights().get(0).path() + "'"), e.getMessage());
  }

  @Test
  void anUnbuiltModelFails() {
    Sequential model = new Sequential(new Dense(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Exporter.export(model, dir, ExportFormat.ONNX));
    assertEquals("The model provided has not yet been built. It must be built before export.", e.getMessage());
  }

  @Test
  void anUnbuiltLayerCannotBeTracked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExportArchive().track(new Dense(2)));
    assertEquals("The layer provided has not yet been built. It must be built before export.", e.getMessage());
  }

  @Test
  void endpointNamesAreUnique() {
    Dense d = builtDense();
    ExportArchive archive = new ExportArchive().track(d);
    archive.addEndpoint("serve", args -> List.of(d.apply(args.get(0))), TensorSpec.batched(null, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> archive.addEndpoint("serve", args -> List.of(d.apply(args.get(0))), TensorSpec.batched(null, 3)));
    assertEquals("Endpoint name 'serve' is already taken.", e.getMessage());
  }

  @Test
  void writingWithoutEndpointsFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ExportArchive().writeOut(dir));
    assertEquals("No endpoints have been set yet. Call addEndpoint().", e.getMessage());
  }

  @Test
  void inputDependentDataMadeOutsideTheOpsIsRefused() {
    Dense d = builtDense();
    ExportArchive archive = new ExportArchive().track(d);
    TraceException e = assertThrows(TraceException.class, () -> archive.addEndpoint("serve", args -> {
      Tensor y = d.apply(args.get(0));
      return List.of(MathOps.add(y, Tensor.of(y.value().mul(2))));
    }, TensorSpec.batched(null, 3)));
    assertTrue(e.getMessage().contains("argument 1 of op 'add'"), e.getMessage());
  }
}
