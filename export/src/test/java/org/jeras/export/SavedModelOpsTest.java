package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;

/**
 * Each TensorFlow lowering writes a well-formed function: {@link OnnxOpsTest}'s cases (one or a few
 * ops each) are written as SavedModels whose functions reference only their arguments and earlier
 * nodes and return every output. With {@code -Djeras.keepSavedModels=DIR} each is kept, with its
 * inputs and Jeras's outputs, for {@code src/test/python/check_saved_model.py} to run in TensorFlow
 * (the numeric check of every rule).
 */
class SavedModelOpsTest {
  @TempDir
  Path root;

  /** Cases of ops that only the TensorFlow lowering has. */
  static List<OnnxOpsTest.Case> tfOnlyCases() {
    return List.of(
        new OnnxOpsTest.Case("sparsemax", List.of(TensorSpec.batched(null, 6)),
            args -> List.of(NnOps.sparsemax(MathOps.mul(args.get(0), 2.0), -1))),
        new OnnxOpsTest.Case("sparsemax_axis1", List.of(TensorSpec.batched(null, 5, 3)),
            args -> List.of(NnOps.sparsemax(args.get(0), 1))));
  }

  @TestFactory
  Stream<DynamicTest> everyLoweringWritesAWellFormedFunction() {
    return Stream.concat(OnnxOpsTest.cases().stream(), tfOnlyCases().stream())
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, root.resolve(c.name()))));
  }

  private static void check(OnnxOpsTest.Case c, Path dir) throws IOException {
    ExportArchive archive = new ExportArchive();
    archive.addEndpoint("f", c.fn(), c.signature().toArray(new TensorSpec[0]));
    archive.writeOut(dir, ExportFormat.TF_SAVED_MODEL);
    SavedModel saved = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
    List<FunctionDef> fns = saved.getMetaGraphs(0).getGraphDef().getLibrary().getFunctionList();
    assertEquals(3, fns.size(), "f, its signature wrapper and serving_default's");
    for (FunctionDef fn : fns) {
      assertWellFormed(fn, c.name());
    }
    List<INDArray> inputs = OnnxOpsTest.inputs(c);
    List<Tensor> want = c.fn().call(inputs.stream().map(Tensor::of).toList());
    Map<String, INDArray> io = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      io.put("x" + i, inputs.get(i));
    }
    for (int i = 0; i < want.size(); i++) {
      io.put("y" + i, want.get(i).value());
    }
    KeptSavedModels.keep(dir, "op_" + c.name(), "f", io);
  }

  /** Every input is an argument or an output of an earlier node; every output is returned. */
  static void assertWellFormed(FunctionDef fn, String what) {
    Set<String> defined = new HashSet<>();
    for (OpDef.ArgDef a : fn.getSignature().getInputArgList()) {
      defined.add(a.getName());
    }
    for (NodeDef n : fn.getNodeDefList()) {
      for (String in : n.getInputList()) {
        String node = in.startsWith("^") ? in.substring(1) : in.split(":")[0];
        assertTrue(defined.contains(node), what + ": node " + n.getName() + " reads undefined " + in);
      }
      defined.add(n.getName());
    }
    for (OpDef.ArgDef o : fn.getSignature().getOutputArgList()) {
      String ref = fn.getRetOrThrow(o.getName());
      assertTrue(defined.contains(ref.split(":")[0]), what + ": output " + o.getName() + " returns undefined " + ref);
    }
  }
}
