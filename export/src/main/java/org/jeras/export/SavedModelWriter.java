package org.jeras.export;

import static org.jeras.export.TfFunction.func;
import static org.jeras.export.TfFunction.s;
import static org.jeras.export.TfFunction.type;
import static org.jeras.export.TfFunction.types;

import com.google.protobuf.BoolValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Variable;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.FunctionSpec;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedBareConcreteFunction;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedConcreteFunction;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedFunction;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedUserObject;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedVariable;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.Struct.DictValue;
import org.tensorflow.proto.Struct.ListValue;
import org.tensorflow.proto.Struct.NamedTupleValue;
import org.tensorflow.proto.Struct.NoneValue;
import org.tensorflow.proto.Struct.PairValue;
import org.tensorflow.proto.Struct.StructuredValue;
import org.tensorflow.proto.Struct.TensorSpecProto;
import org.tensorflow.proto.Struct.TupleValue;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject.ObjectReference;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject.SerializedTensor;
import org.tensorflow.proto.VersionDef;

/**
 * Writes an export archive as a TensorFlow SavedModel directory that {@code tf.saved_model.load}
 * (and TensorFlow Serving) loads without the model's code: {@code saved_model.pb} and the
 * variables' checkpoint {@code variables/variables.{index,data-00000-of-00001}}.
 *
 * <p>The saved object graph is the one Keras's export writes: a root object with the variable
 * lists {@code variables}, {@code trainable_variables} and {@code non_trainable_variables}, one
 * list per variable collection, one {@code function} per endpoint (its concrete function captures
 * the variables it reads) and {@code signatures} (each endpoint, plus {@code serving_default} for
 * the first), each a wrapper taking the inputs by name and returning {@code {"output_i": ...}}.
 * The checkpoint holds each variable once, under {@code variables/i}. The graph also holds the
 * signatures as placeholders and calls, and the saver's save and restore ops, for TensorFlow 1
 * style loaders.
 */
final class SavedModelWriter {
  /** The GraphDef version of the written graphs (that of TensorFlow 2.21, whose op semantics they follow). */
  static final int GRAPH_PRODUCER = 2474;
  static final String SERVING_DEFAULT = "serving_default";
  private static final String VARIABLE_VALUE = "VARIABLE_VALUE";

  /** One endpoint: its traced graph and input signature. */
  record Endpoint(String name, OpGraph graph, List<TensorSpec> inputs) {}

  private SavedModelWriter() {}

  /** One node of the object graph, mirrored in the checkpoint's object graph. */
  private static final class Obj {
    final SavedObject.Builder saved = SavedObject.newBuilder();
    final TrackableObject.Builder trackable = TrackableObject.newBuilder();

    void child(int id, String name) {
      ObjectReference ref = ObjectReference.newBuilder().setNodeId(id).setLocalName(name).build();
      saved.addChildren(ref);
      trackable.addChildren(ref);
    }
  }

  /**
   * Writes the SavedModel to {@code dir}: {@code endpoints} (the first is also {@code serving_default}),
   * {@code variables} (every tracked variable, once) and {@code collections}.
   */
  static void write(Path dir, List<Endpoint> endpoints, List<Variable> variables,
      Map<String, List<Variable>> collections) throws IOException {
    Map<Variable, Integer> varIndex = new IdentityHashMap<>();
    for (Variable v : variables) {
      varIndex.putIfAbsent(v, varIndex.size());
    }
    List<Variable> vars = new ArrayList<>(Collections.nCopies(varIndex.size(), null));
    varIndex.forEach((v, i) -> vars.set(i, v));

    // Node ids: root, 3 variable lists, collections, 2 per endpoint, signatures + its children, variables.
    int e = endpoints.size();
    int firstCollection = 4;
    int firstEndpoint = firstCollection + collections.size();
    int signaturesId = firstEndpoint + 2 * e;
    int varBase = signaturesId + 1 + e + 1;
    List<Obj> nodes = new ArrayList<>();
    for (int i = 0; i < varBase + vars.size(); i++) {
      nodes.add(new Obj());
    }

    Obj root = nodes.get(0);
    userObject(root, "_generic_user_object");
    root.child(1, "variables");
    root.child(2, "trainable_variables");
    root.child(3, "non_trainable_variables");
    listOf(nodes.get(1), varBase, vars, v -> true, varIndex);
    listOf(nodes.get(2), varBase, vars, Variable::isTrainable, varIndex);
    listOf(nodes.get(3), varBase, vars, v -> !v.isTrainable(), varIndex);
    int k = firstCollection;
    for (Map.Entry<String, List<Variable>> c : collections.entrySet()) {
      root.child(k, c.getKey());
      Obj list = nodes.get(k++);
      userObject(list, "trackable_list_wrapper");
      for (int i = 0; i < c.getValue().size(); i++) {
        list.child(varBase + varIndex.get(c.getValue().get(i)), Integer.toString(i));
      }
    }

    FunctionDefLibrary.Builder library = FunctionDefLibrary.newBuilder();
    GraphDef.Builder graph = GraphDef.newBuilder();
    MetaGraphDef.Builder meta = MetaGraphDef.newBuilder();
    SavedObjectGraph.Builder objectGraph = SavedObjectGraph.newBuilder();
    List<String> handles = variableHandles(graph, vars);

    Obj signatures = nodes.get(signaturesId);
    userObject(signatures, "signature_map");
    int uid = 0;
    for (int i = 0; i < e; i++) {
      Endpoint ep = endpoints.get(i);
      String inner = "__inference_" + ep.name() + "_" + uid++;
      List<String> argNames = argNames(ep.inputs());
      FunctionDef fn = TfLowering.lower(inner, ep.graph(), argNames);
      library.addFunction(fn);
      List<Integer> bound = new ArrayList<>();
      List<Integer> captured = new ArrayList<>();
      for (Variable v : distinct(ep.graph().variables())) {
        bound.add(varBase + varIndex.get(v));
        captured.add(varIndex.get(v));
      }
      List<OpGraph.Value> outs = ep.graph().outputs();

      int fnId = firstEndpoint + 2 * i;
      root.child(fnId, ep.name());
      Obj f = nodes.get(fnId);
      FunctionSpec spec = FunctionSpec.newBuilder()
          .setFullargspec(fullArgSpec(positional(ep.inputs().size()), List.of()))
          .setInputSignature(tuple(ep.inputs().stream().map(SavedModelWriter::spec).toList()))
          .build();
      f.saved.setFunction(SavedFunction.newBuilder().addConcreteFunctions(inner).setFunctionSpec(spec));
      f.child(fnId + 1, "trace_0");
      f.saved.addDependencies(ObjectReference.newBuilder().setNodeId(fnId + 1).setLocalName("trace_0"));
      nodes.get(fnId + 1).saved.setBareConcreteFunction(bare(inner, ep.inputs(), positional(ep.inputs().size()),
          List.of()));
      StructuredValue outSig = outs.size() == 1 ? outSpec("unknown", outs.get(0))
          : list(outs.stream().map(v -> outSpec("unknown", v)).toList());
      objectGraph.putConcreteFunctions(inner, SavedConcreteFunction.newBuilder().addAllBoundInputs(bound)
          .setCanonicalizedInputSignature(tuple(List.of(tuple(ep.inputs().stream().map(SavedModelWriter::spec)
              .toList()), dict(Map.of()))))
          .setOutputSignature(outSig).build());

      List<String> sigNames = new ArrayList<>(List.of(ep.name()));
      if (i == 0 && endpoints.stream().noneMatch(x -> x.name().equals(SERVING_DEFAULT))) {
        sigNames.add(SERVING_DEFAULT);
      }
      for (String sig : sigNames) {
        String wrapper = "__inference_signature_wrapper_" + ep.name() + "_" + uid++;
        int sigId = signaturesId + 1 + (sig.equals(SERVING_DEFAULT) && !sig.equals(ep.name()) ? e : i);
        signatures.child(sigId, sig);
        library.addFunction(signatureWrapper(wrapper, inner, ep, argNames, captured, vars));
        List<String> keys = ep.inputs().stream().map(TensorSpec::name).sorted().toList();
        nodes.get(sigId).saved.setBareConcreteFunction(bare(wrapper, ep.inputs(), List.of(), keys));
        Map<String, StructuredValue> inDict = new HashMap<>();
        for (TensorSpec s : ep.inputs()) {
          inDict.put(s.name(), spec(s));
        }
        Map<String, StructuredValue> outDict = new HashMap<>();
        for (int o = 0; o < outs.size(); o++) {
          outDict.put("output_" + o, outSpec("output_" + o, outs.get(o)));
        }
        objectGraph.putConcreteFunctions(wrapper, SavedConcreteFunction.newBuilder().addAllBoundInputs(bound)
            .setCanonicalizedInputSignature(tuple(List.of(tuple(List.of()), dict(inDict))))
            .setOutputSignature(dict(outDict)).build());
        meta.putSignatureDef(sig, signatureDef(graph, sig, wrapper, ep, captured, handles));
      }
    }
    root.child(signaturesId, "signatures");

    for (int i = 0; i < vars.size(); i++) {
      Variable v = vars.get(i);
      Obj o = nodes.get(varBase + i);
      o.saved.setVariable(SavedVariable.newBuilder().setDtype(TfTypes.dataType(v.dtype()))
          .setShape(TfTypes.shape(v.shape().dims())).setTrainable(v.isTrainable()).setName(v.path()));
      o.trackable.addAttributes(SerializedTensor.newBuilder().setName(VARIABLE_VALUE).setFullName(v.path())
          .setCheckpointKey(checkpointKey(i)));
    }
    markCheckpointValues(nodes, varBase);

    TrackableObjectGraph.Builder ckptGraph = TrackableObjectGraph.newBuilder();
    for (Obj o : nodes) {
      objectGraph.addNodes(o.saved);
      ckptGraph.addNodes(o.trackable);
    }

    graph.addNode(NodeDef.newBuilder().setName("NoOp").setOp("NoOp"));
    graph.setLibrary(library).setVersions(VersionDef.newBuilder().setProducer(GRAPH_PRODUCER).setMinConsumer(12));
    meta.setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve").setTensorflowVersion("2.21.0")
            .setStrippedDefaultAttrs(false))
        .setGraphDef(graph)
        .putCollectionDef("saved_model_main_op", CollectionDef.newBuilder()
            .setNodeList(CollectionDef.NodeList.newBuilder().addValue("NoOp")).build())
        .putSignatureDef("__saved_model_init_op", SignatureDef.newBuilder().putOutputs("__saved_model_init_op",
            TensorInfo.newBuilder().setName("NoOp").setTensorShape(TfTypes.unknownRank()).build()).build())
        .setObjectGraphDef(objectGraph);
    if (!vars.isEmpty()) {
      // SaveV2 and RestoreV2 take one tensor at least; without variables there is nothing to restore.
      meta.setSaverDef(saver(meta.getGraphDefBuilder(), vars, handles));
    }
    SavedModel model = SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(meta).build();

    Files.createDirectories(dir.resolve("variables"));
    Files.createDirectories(dir.resolve("assets"));
    Files.write(dir.resolve("saved_model.pb"), model.toByteArray());
    TfCheckpoint ckpt = new TfCheckpoint();
    for (int i = 0; i < vars.size(); i++) {
      ckpt.add(checkpointKey(i), vars.get(i).array());
    }
    ckpt.objectGraph(ckptGraph.build().toByteArray());
    ckpt.write(dir.resolve("variables").resolve("variables"));
  }

  /** The checkpoint key of variable {@code i}: its first path from the root, {@code variables/i}. */
  static String checkpointKey(int i) {
    return "variables/" + i + "/.ATTRIBUTES/" + VARIABLE_VALUE;
  }

  private static List<Variable> distinct(List<Variable> vs) {
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Variable> out = new ArrayList<>();
    for (Variable v : vs) {
      if (seen.add(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static void userObject(Obj o, String identifier) {
    o.saved.setUserObject(SavedUserObject.newBuilder().setIdentifier(identifier)
        .setVersion(VersionDef.newBuilder().setProducer(1).setMinConsumer(1)));
  }

  private static void listOf(Obj list, int varBase, List<Variable> vars, java.util.function.Predicate<Variable> keep,
      Map<Variable, Integer> index) {
    userObject(list, "trackable_list_wrapper");
    int n = 0;
    for (Variable v : vars) {
      if (keep.test(v)) {
        list.child(varBase + index.get(v), Integer.toString(n++));
      }
    }
  }

  /** Sets {@code has_checkpoint_values} on every node that is, or reaches, a variable. */
  private static void markCheckpointValues(List<Obj> nodes, int varBase) {
    boolean[] has = new boolean[nodes.size()];
    for (int i = varBase; i < nodes.size(); i++) {
      has[i] = true;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < varBase; i++) {
        if (!has[i]) {
          for (ObjectReference r : nodes.get(i).trackable.getChildrenList()) {
            if (has[r.getNodeId()]) {
              has[i] = true;
              changed = true;
              break;
            }
          }
        }
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).trackable.setHasCheckpointValues(BoolValue.of(has[i]));
    }
  }

  /** Function argument names from the signature's names: lower case letters, digits and '_', unique. */
  static List<String> argNames(List<TensorSpec> inputs) {
    List<String> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (TensorSpec s : inputs) {
      String base = s.name().toLowerCase().replaceAll("[^a-z0-9_]", "_");
      if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
        base = "arg_" + base;
      }
      String name = base;
      for (int n = 1; !used.add(name); n++) {
        name = base + "_" + n;
      }
      out.add(name);
    }
    return out;
  }

  private static List<String> positional(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("args_" + i);
    }
    return out;
  }

  /**
   * The signature wrapper: arguments in the sorted order of the input names (how TensorFlow flattens
   * the keyword arguments), then the captures; calls {@code inner} and returns its outputs under the
   * sorted keys {@code output_i}.
   */
  private static FunctionDef signatureWrapper(String name, String inner, Endpoint ep, List<String> argNames,
      List<Integer> captured, List<Variable> vars) {
    TfFunction fn = new TfFunction(name);
    List<Integer> order = sortedInputOrder(ep.inputs());
    String[] refs = new String[order.size()];
    for (int pos : order) {
      TensorSpec s = ep.inputs().get(pos);
      refs[pos] = fn.input(argNames.get(pos), s.dtype(), s.shape());
    }
    List<String> callInputs = new ArrayList<>(List.of(refs));
    List<DType> tin = new ArrayList<>(ep.inputs().stream().map(TensorSpec::dtype).toList());
    for (int r = 0; r < captured.size(); r++) {
      Variable v = vars.get(captured.get(r));
      callInputs.add(fn.resource("unknown_" + r, v.dtype(), v.shape().dims()));
    }
    List<DType> tout = ep.graph().outputs().stream().map(OpGraph.Value::dtype).toList();
    String call = fn.node("StatefulPartitionedCall", callInputs, callAttrs(inner, tin, captured.size(), tout));
    for (int o : sortedOutputOrder(tout.size())) {
      DType t = tout.get(o);
      String id = fn.node("Identity", List.of(outputRef(call, o)), Map.of("T", type(t)));
      fn.output("output_" + o, t, id);
    }
    return fn.build();
  }

  /** Output {@code i} of the node whose first output is {@code first} ({@code name:arg:0}). */
  private static String outputRef(String first, int i) {
    return first.substring(0, first.lastIndexOf(':') + 1) + i;
  }

  private static Map<String, AttrValue> callAttrs(String f, List<DType> tin, int resources, List<DType> tout) {
    AttrValue.ListValue.Builder in = AttrValue.ListValue.newBuilder();
    tin.forEach(t -> in.addType(TfTypes.dataType(t)));
    for (int r = 0; r < resources; r++) {
      in.addType(DataType.DT_RESOURCE);
    }
    return Map.of("f", func(f), "Tin", AttrValue.newBuilder().setList(in).build(), "Tout", types(tout),
        "config", s(""), "config_proto", s(""), "executor_type", s(""));
  }

  /** Positions of the inputs in the sorted order of their names. */
  private static List<Integer> sortedInputOrder(List<TensorSpec> inputs) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> inputs.get(i).name()));
    return order;
  }

  /** Output indices in the sorted order of their keys {@code output_i} ("output_10" before "output_2"). */
  static List<Integer> sortedOutputOrder(int n) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> "output_" + i));
    return order;
  }

  /** The graph's variable handles ({@code VarHandleOp}), one per variable, named by their paths. */
  private static List<String> variableHandles(GraphDef.Builder graph, List<Variable> vars) {
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Variable v : vars) {
      String base = v.path().replaceAll("[^A-Za-z0-9_./-]", "_");
      if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
        base = "v" + base;
      }
      String name = base;
      for (int n = 1; !used.add(name); n++) {
        name = base + "_" + n;
      }
      graph.addNode(NodeDef.newBuilder().setName(name).setOp("VarHandleOp")
          .putAttr("dtype", type(v.dtype()))
          .putAttr("shape", AttrValue.newBuilder().setShape(TfTypes.shape(v.shape().dims())).build())
          .putAttr("shared_name", s(name)).putAttr("container", s("")).putAttr("debug_name", s(""))
          .putAttr("allowed_devices", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()).build()));
      names.add(name);
    }
    return names;
  }

  /** Graph placeholders for signature {@code sig}, the call of its wrapper, and the SignatureDef naming them. */
  private static SignatureDef signatureDef(GraphDef.Builder graph, String sig, String wrapper, Endpoint ep,
      List<Integer> captured, List<String> handles) {
    SignatureDef.Builder def = SignatureDef.newBuilder().setMethodName("tensorflow/serving/predict");
    List<String> inputs = new ArrayList<>();
    List<DType> tin = new ArrayList<>();
    List<String> argNames = argNames(ep.inputs());
    for (int pos : sortedInputOrder(ep.inputs())) {
      TensorSpec s = ep.inputs().get(pos);
      String ph = sig + "_" + argNames.get(pos);
      graph.addNode(NodeDef.newBuilder().setName(ph).setOp("Placeholder").putAttr("dtype", type(s.dtype()))
          .putAttr("shape", AttrValue.newBuilder().setShape(TfTypes.shape(s.shape())).build()));
      inputs.add(ph);
      tin.add(s.dtype());
      def.putInputs(s.name(), TensorInfo.newBuilder().setName(ph + ":0").setDtype(TfTypes.dataType(s.dtype()))
          .setTensorShape(TfTypes.shape(s.shape())).build());
    }
    for (int c : captured) {
      inputs.add(handles.get(c));
    }
    List<OpGraph.Value> outs = ep.graph().outputs();
    List<DType> tout = new ArrayList<>();
    for (int o : sortedOutputOrder(outs.size())) {
      tout.add(outs.get(o).dtype());
    }
    String call = "StatefulPartitionedCall_" + sig;
    graph.addNode(NodeDef.newBuilder().setName(call).setOp("StatefulPartitionedCall").addAllInput(inputs)
        .putAllAttr(callAttrs(wrapper, tin, captured.size(), tout)));
    List<Integer> order = sortedOutputOrder(outs.size());
    for (int k = 0; k < order.size(); k++) {
      OpGraph.Value v = outs.get(order.get(k));
      def.putOutputs("output_" + order.get(k), TensorInfo.newBuilder().setName(call + ":" + k)
          .setDtype(TfTypes.dataType(v.dtype())).setTensorShape(TfTypes.shape(v.shape())).build());
    }
    return def.build();
  }

  /**
   * The saver: {@code saver_filename} fed with the checkpoint prefix; save writes every variable with
   * {@code SaveV2}, restore reads them with {@code RestoreV2} and assigns them.
   */
  private static SaverDef saver(GraphDef.Builder graph, List<Variable> vars, List<String> handles) {
    graph.addNode(NodeDef.newBuilder().setName("saver_filename").setOp("Placeholder")
        .putAttr("dtype", type(DataType.DT_STRING))
        .putAttr("shape", AttrValue.newBuilder().setShape(TfTypes.shape(new long[0])).build()));
    String[] keys = new String[vars.size()];
    String[] slices = new String[vars.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = checkpointKey(i);
      slices[i] = "";
    }
    graph.addNode(constNode("saver/tensor_names", TfTypes.strings(new long[] {keys.length}, keys)));
    graph.addNode(constNode("saver/shape_and_slices", TfTypes.strings(new long[] {keys.length}, slices)));
    AttrValue dtypes = types(vars.stream().map(Variable::dtype).toList());
    NodeDef.Builder save = NodeDef.newBuilder().setName("saver/SaveV2").setOp("SaveV2")
        .addInput("saver_filename").addInput("saver/tensor_names").addInput("saver/shape_and_slices")
        .putAttr("dtypes", dtypes);
    for (int i = 0; i < vars.size(); i++) {
      String read = "saver/read_" + i;
      graph.addNode(NodeDef.newBuilder().setName(read).setOp("ReadVariableOp").addInput(handles.get(i))
          .putAttr("dtype", type(vars.get(i).dtype())));
      save.addInput(read);
    }
    graph.addNode(save);
    graph.addNode(NodeDef.newBuilder().setName("saver/filename").setOp("Identity").addInput("saver_filename")
        .addInput("^saver/SaveV2").putAttr("T", type(DataType.DT_STRING)));
    graph.addNode(NodeDef.newBuilder().setName("saver/RestoreV2").setOp("RestoreV2").addInput("saver_filename")
        .addInput("saver/tensor_names").addInput("saver/shape_and_slices").putAttr("dtypes", dtypes));
    NodeDef.Builder restoreAll = NodeDef.newBuilder().setName("saver/restore_all").setOp("NoOp");
    for (int i = 0; i < vars.size(); i++) {
      String assign = "saver/assign_" + i;
      graph.addNode(NodeDef.newBuilder().setName(assign).setOp("AssignVariableOp").addInput(handles.get(i))
          .addInput("saver/RestoreV2:" + i).putAttr("dtype", type(vars.get(i).dtype()))
          .putAttr("validate_shape", TfFunction.b(false)));
      restoreAll.addInput("^" + assign);
    }
    graph.addNode(restoreAll);
    return SaverDef.newBuilder().setFilenameTensorName("saver_filename:0").setSaveTensorName("saver/filename:0")
        .setRestoreOpName("saver/restore_all").setVersion(SaverDef.CheckpointFormatVersion.V2).build();
  }

  private static NodeDef constNode(String name, org.tensorflow.proto.TensorProto value) {
    return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", type(value.getDtype()))
        .putAttr("value", AttrValue.newBuilder().setTensor(value).build()).build();
  }

  // ------------------------------------------------------------------ structured values

  private static SavedBareConcreteFunction bare(String name, List<TensorSpec> inputs, List<String> args,
      List<String> kwonly) {
    return SavedBareConcreteFunction.newBuilder().setConcreteFunctionName(name)
        .addAllArgumentKeywords(inputs.stream().map(TensorSpec::name).toList())
        .setAllowedPositionalArguments(inputs.size())
        .setFunctionSpec(FunctionSpec.newBuilder().setFullargspec(fullArgSpec(args, kwonly))
            .setInputSignature(none()))
        .build();
  }

  /** Python's {@code FullArgSpec(args, None, None, None, kwonlyargs, None, {})}. */
  private static StructuredValue fullArgSpec(List<String> args, List<String> kwonly) {
    NamedTupleValue.Builder t = NamedTupleValue.newBuilder().setName("FullArgSpec");
    t.addValues(pair("args", strings(args)));
    t.addValues(pair("varargs", none()));
    t.addValues(pair("varkw", none()));
    t.addValues(pair("defaults", none()));
    t.addValues(pair("kwonlyargs", strings(kwonly)));
    t.addValues(pair("kwonlydefaults", none()));
    t.addValues(pair("annotations", dict(Map.of())));
    return StructuredValue.newBuilder().setNamedTupleValue(t).build();
  }

  private static PairValue pair(String key, StructuredValue v) {
    return PairValue.newBuilder().setKey(key).setValue(v).build();
  }

  private static StructuredValue none() {
    return StructuredValue.newBuilder().setNoneValue(NoneValue.getDefaultInstance()).build();
  }

  private static StructuredValue strings(List<String> values) {
    ListValue.Builder l = ListValue.newBuilder();
    values.forEach(v -> l.addValues(StructuredValue.newBuilder().setStringValue(v)));
    return StructuredValue.newBuilder().setListValue(l).build();
  }

  private static StructuredValue tuple(List<StructuredValue> values) {
    return StructuredValue.newBuilder().setTupleValue(TupleValue.newBuilder().addAllValues(values)).build();
  }

  private static StructuredValue list(List<StructuredValue> values) {
    return StructuredValue.newBuilder().setListValue(ListValue.newBuilder().addAllValues(values)).build();
  }

  private static StructuredValue dict(Map<String, StructuredValue> fields) {
    return StructuredValue.newBuilder().setDictValue(DictValue.newBuilder().putAllFields(fields)).build();
  }

  static StructuredValue spec(TensorSpec s) {
    return StructuredValue.newBuilder().setTensorSpecValue(TensorSpecProto.newBuilder().setName(s.name())
        .setShape(TfTypes.shape(s.shape())).setDtype(TfTypes.dataType(s.dtype()))).build();
  }

  private static StructuredValue outSpec(String name, OpGraph.Value v) {
    return StructuredValue.newBuilder().setTensorSpecValue(TensorSpecProto.newBuilder().setName(name)
        .setShape(TfTypes.shape(v.shape())).setDtype(TfTypes.dataType(v.dtype()))).build();
  }
}
