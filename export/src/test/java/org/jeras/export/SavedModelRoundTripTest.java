package org.jeras.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import org.iq80.leveldb.util.PureJavaCrc32C;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.model.Functional;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.attention.MultiHeadAttention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject.ObjectReference;

/**
 * A written SavedModel read back: its protos parse, name the functions, signatures and variables
 * TensorFlow's loader looks up, and its checkpoint, read through the LevelDB library's table
 * reader, holds every variable's current bytes with TensorFlow's checksums.
 */
class SavedModelRoundTripTest {
  @TempDir
  Path dir;

  static MetaGraphDef meta(Path dir) throws Exception {
    SavedModel saved = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
    assertEquals(1, saved.getMetaGraphsCount());
    return saved.getMetaGraphs(0);
  }

  /** The names of an object's children, in order. */
  static List<String> children(SavedObject o) {
    return o.getChildrenList().stream().map(ObjectReference::getLocalName).toList();
  }

  static SavedObject child(SavedObjectGraph g, SavedObject o, String name) {
    for (ObjectReference r : o.getChildrenList()) {
      if (r.getLocalName().equals(name)) {
        return g.getNodes(r.getNodeId());
      }
    }
    throw new AssertionError("no child '" + name + "' among " + children(o));
  }

  @Test
  void guideModelRoundTrips() throws Exception {
    Functional model = SavedModelGuideCasesTest.guideModel();
    Exporter.export(model, dir, ExportFormat.TF_SAVED_MODEL);
    MetaGraphDef meta = meta(dir);
    assertEquals(List.of("serve"), meta.getMetaInfoDef().getTagsList());
    assertEquals(Set.of("serve", "serving_default", "__saved_model_init_op"), meta.getSignatureDefMap().keySet());
    SignatureDef sig = meta.getSignatureDefOrThrow("serving_default");
    assertEquals(Set.of("args_0"), sig.getInputsMap().keySet());
    assertEquals(Set.of("output_0"), sig.getOutputsMap().keySet());
    assertEquals(-1, sig.getInputsOrThrow("args_0").getTensorShape().getDim(0).getSize(), "dynamic batch");
    assertEquals(16, sig.getInputsOrThrow("args_0").getTensorShape().getDim(1).getSize());

    SavedObjectGraph g = meta.getObjectGraphDef();
    SavedObject root = g.getNodes(0);
    assertEquals(List.of("variables", "trainable_variables", "non_trainable_variables", "serve", "signatures"),
        children(root));
    SavedObject serve = child(g, root, "serve");
    String fn = serve.getFunction().getConcreteFunctions(0);
    Set<String> library = new TreeSet<>();
    for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
      library.add(f.getSignature().getName());
    }
    assertTrue(library.contains(fn), fn + " not in " + library);
    assertEquals(Set.of("serve", "serving_default"), Set.copyOf(children(child(g, root, "signatures"))));

    // The variables: every weight once, in order, with its path, shape and trainability.
    List<Variable> weights = model.weights();
    SavedObject all = child(g, root, "variables");
    assertEquals(weights.size(), all.getChildrenCount());
    int trainable = 0;
    for (int i = 0; i < weights.size(); i++) {
      SavedObject v = g.getNodes(all.getChildren(i).getNodeId());
      assertEquals(weights.get(i).path(), v.getVariable().getName());
      assertEquals(TfTypes.shape(weights.get(i).shape().dims()), v.getVariable().getShape());
      assertEquals(weights.get(i).isTrainable(), v.getVariable().getTrainable());
      trainable += weights.get(i).isTrainable() ? 1 : 0;
    }
    assertEquals(trainable, child(g, root, "trainable_variables").getChildrenCount());
    assertEquals(weights.size() - trainable, child(g, root, "non_trainable_variables").getChildrenCount());
    // The serve function captures exactly the variables its graph reads.
    assertEquals(weights.size(), g.getConcreteFunctionsOrThrow(fn).getBoundInputsCount());

    Map<String, TfCheckpoint.Read> ckpt = TfCheckpoint.read(dir.resolve("variables/variables"));
    BundleHeaderProto header = BundleHeaderProto.parseFrom(ckpt.get("").bytes());
    assertEquals(1, header.getNumShards());
    assertEquals(BundleHeaderProto.Endianness.LITTLE, header.getEndianness());
    for (int i = 0; i < weights.size(); i++) {
      TfCheckpoint.Read r = ckpt.get(SavedModelWriter.checkpointKey(i));
      byte[] want = RawBytes.of(weights.get(i).array(), weights.get(i).path());
      assertArrayEquals(want, r.bytes(), weights.get(i).path());
      assertEquals(PureJavaCrc32C.mask(crc(want)), r.entry().getCrc32C(), weights.get(i).path());
      assertEquals(TfTypes.shape(weights.get(i).shape().dims()), r.entry().getShape());
    }
    // The checkpoint's object graph mirrors the saved one, variables keyed by their first path.
    TrackableObjectGraph tog = TrackableObjectGraph.parseFrom(TfCheckpoint.stringValue(
        ckpt.get(TfCheckpoint.OBJECT_GRAPH_KEY).bytes()));
    assertEquals(g.getNodesCount(), tog.getNodesCount());
    for (int i = 0; i < g.getNodesCount(); i++) {
      assertEquals(g.getNodes(i).getChildrenList(), tog.getNodes(i).getChildrenList(), "node " + i);
      if (g.getNodes(i).hasVariable()) {
        String key = tog.getNodes(i).getAttributes(0).getCheckpointKey();
        assertTrue(ckpt.containsKey(key), key);
      }
    }
  }

  @Test
  void checksumsAreTensorFlows() {
    // TensorFlow 2.21 wrote this entry CRC for a float32[2] of zeros (a fresh Dense bias).
    assertEquals(0x07980329, PureJavaCrc32C.mask(crc(new byte[8])));
  }

  @Test
  void variableCollectionsAreListsOfTheVariables() throws Exception {
    MultiHeadAttention layer = new MultiHeadAttention(2, 2);
    Nd4j.getRandom().setSeed(11);
    layer.apply(CallArgs.of(List.of(Tensor.of(Nd4j.randn(DataType.FLOAT, 3, 2, 2)),
        Tensor.of(Nd4j.randn(DataType.FLOAT, 3, 2, 2))), Map.of()));
    SavedModelGuideCasesTest.attentionArchive(layer).writeOut(dir, ExportFormat.TF_SAVED_MODEL);
    MetaGraphDef meta = meta(dir);
    SavedObjectGraph g = meta.getObjectGraphDef();
    SavedObject myVars = child(g, g.getNodes(0), "my_vars");
    assertEquals("trackable_list_wrapper", myVars.getUserObject().getIdentifier());
    List<String> names = new ArrayList<>();
    for (ObjectReference r : myVars.getChildrenList()) {
      names.add(g.getNodes(r.getNodeId()).getVariable().getName());
    }
    assertEquals(layer.weights().stream().map(Variable::path).toList(), names);
    SignatureDef sig = meta.getSignatureDefOrThrow("serving_default");
    assertEquals(Set.of("query", "value"), sig.getInputsMap().keySet());
    assertEquals(Set.of("call", "serving_default", "__saved_model_init_op"), meta.getSignatureDefMap().keySet());
  }

  @Test
  void outputKeysSortAsTensorFlowFlattensThem() {
    assertEquals(List.of(0, 1, 10, 11, 2, 3, 4, 5, 6, 7, 8, 9), SavedModelWriter.sortedOutputOrder(12));
  }

  private static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return (int) c.getValue();
  }
}
