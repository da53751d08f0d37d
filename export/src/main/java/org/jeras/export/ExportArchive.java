package org.jeras.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jeras.export.onnx.Onnx.ModelProto;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.graph.Tracer;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds a standalone inference artifact, as Keras's {@code keras.export.ExportArchive}: track the
 * layers or models whose variables the endpoints use, add endpoints (any inference function over
 * them, traced on its input signature when added) and variable collections, then
 * {@link #writeOut} the archive, which {@link ExportedModel#load} serves without Jeras's layers.
 *
 * <pre>{@code
 * ExportArchive archive = new ExportArchive();
 * archive.track(layer);
 * archive.addEndpoint("call", args -> layer.apply(CallArgs.of(new ArrayList<>(args), Map.of())),
 *     TensorSpec.batched("query", 2, 2), TensorSpec.batched("value", 2, 2));
 * archive.addVariableCollection("my_vars", layer.weights());
 * archive.writeOut(dir);
 * }</pre>
 */
public final class ExportArchive {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private final List<Layer> tracked = new ArrayList<>();
  private final Map<String, Traced> endpoints = new LinkedHashMap<>();
  private final Map<String, List<Variable>> collections = new LinkedHashMap<>();

  private record Traced(OpGraph graph, List<TensorSpec> inputs) {}

  /**
   * Tracks {@code layer} (a layer or model): its variables may be used by endpoints. It must be built.
   *
   * @param layer the built layer or model to track
   * @return this archive
   */
  public ExportArchive track(Layer layer) {
    if (!layer.isBuilt()) {
      throw new IllegalArgumentException("The layer provided has not yet been built. It must be built before export.");
    }
    tracked.add(layer);
    return this;
  }

  /**
   * Adds endpoint {@code name}: {@code fn} is traced now in inference mode on {@code inputSignature}
   * ({@code -1} dimensions stay dynamic). Every variable it reads must belong to a tracked layer.
   *
   * @param name the endpoint's name
   * @param fn the function to trace
   * @param inputSignature one spec per positional argument
   * @return this archive
   */
  public ExportArchive addEndpoint(String name, EndpointFunction fn, TensorSpec... inputSignature) {
    checkName(name, "Endpoint");
    if (endpoints.containsKey(name)) {
      throw new IllegalArgumentException("Endpoint name '" + name + "' is already taken.");
    }
    if (inputSignature.length == 0) {
      throw new IllegalArgumentException("Endpoint '" + name + "' needs an input signature: the shape and dtype of"
          + " each argument, e.g. TensorSpec.batched(\"args_0\", 224, 224, 3)");
    }
    List<TensorSpec> sig = new ArrayList<>();
    for (int i = 0; i < inputSignature.length; i++) {
      TensorSpec s = inputSignature[i];
      sig.add(s.name() != null ? s : new TensorSpec("args_" + i, s.shape(), s.dtype()));
    }
    OpGraph graph = Tracer.trace(sig, fn::call);
    checkTracked(name, graph);
    endpoints.put(name, new Traced(graph, sig));
    return this;
  }

  /**
   * Adds a named collection of variables, readable after loading with {@link ExportedModel#variables}.
   *
   * @param name the collection's name
   * @param variables its variables, in order
   * @return this archive
   */
  public ExportArchive addVariableCollection(String name, List<Variable> variables) {
    checkName(name, "Variable collection");
    if (collections.containsKey(name)) {
      throw new IllegalArgumentException("Variable collection name '" + name + "' is already taken.");
    }
    collections.put(name, List.copyOf(variables));
    return this;
  }

  /**
   * {@return the traced graph of endpoint {@code name}}
   *
   * @param name the endpoint's name
   */
  public OpGraph graph(String name) {
    Traced t = endpoints.get(name);
    if (t == null) {
      throw new IllegalArgumentException("No endpoint '" + name + "'; endpoints: " + endpoints.keySet());
    }
    return t.graph();
  }

  /**
   * Writes the archive to directory {@code dir} (created if needed): one ONNX model per endpoint,
   * one npz per variable collection and {@code manifest.json}. Variables are written with their
   * current values.
   *
   * @param dir the directory to write into
   */
  public void writeOut(Path dir) {
    writeOut(dir, ExportFormat.ONNX);
  }

  /**
   * Writes the archive to directory {@code dir} in {@code format}: {@link ExportFormat#ONNX} as
   * {@link #writeOut(Path)}; {@link ExportFormat#TF_SAVED_MODEL} as a TensorFlow SavedModel whose
   * endpoints are functions of the loaded object (the first also signature {@code serving_default})
   * and whose variable collections are lists of its variables. Variables are written with their
   * current values.
   *
   * @param dir the directory to write into
   * @param format the export format
   */
  public void writeOut(Path dir, ExportFormat format) {
    if (endpoints.isEmpty()) {
      throw new IllegalStateException("No endpoints have been set yet. Call addEndpoint().");
    }
    if (format == ExportFormat.TF_SAVED_MODEL) {
      writeSavedModel(dir);
      return;
    }
    try {
      Files.createDirectories(dir);
      List<Manifest.Endpoint> eps = new ArrayList<>();
      for (Map.Entry<String, Traced> e : endpoints.entrySet()) {
        Traced t = e.getValue();
        List<String> inNames = t.inputs().stream().map(TensorSpec::name).toList();
        List<String> outNames = new ArrayList<>();
        List<TensorSpec> outSpecs = new ArrayList<>();
        for (int i = 0; i < t.graph().outputs().size(); i++) {
          OpGraph.Value v = t.graph().outputs().get(i);
          outNames.add("output_" + i);
          outSpecs.add(new TensorSpec("output_" + i, v.shape(), v.dtype()));
        }
        ModelProto model = OnnxLowering.lower(e.getKey(), t.graph(), inNames, outNames);
        String file = e.getKey() + ".onnx";
        Files.write(dir.resolve(file), model.toByteArray());
        eps.add(new Manifest.Endpoint(e.getKey(), file, t.inputs(), outSpecs));
      }
      List<Manifest.Collection> cols = new ArrayList<>();
      if (!collections.isEmpty()) {
        Files.createDirectories(dir.resolve("variables"));
      }
      for (Map.Entry<String, List<Variable>> e : collections.entrySet()) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Variable v : e.getValue()) {
          String key = v.path();
          for (int n = 2; arrays.containsKey(key); n++) {
            key = v.path() + "_" + n;
          }
          arrays.put(key, v.array().dup());
        }
        String file = "variables/" + e.getKey() + ".npz";
        Npz.write(dir.resolve(file), arrays);
        cols.add(new Manifest.Collection(e.getKey(), file, List.copyOf(arrays.keySet())));
      }
      new Manifest(eps, cols).write(dir);
    } catch (IOException e) {
      throw new ExportException("Cannot write the export archive to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Names of the root object's own attributes in a SavedModel, which endpoints and collections cannot take. */
  private static final Set<String> SAVED_MODEL_ATTRIBUTES = Set.of("variables", "trainable_variables",
      "non_trainable_variables", "signatures");

  private void writeSavedModel(Path dir) {
    for (String name : endpoints.keySet()) {
      if (SAVED_MODEL_ATTRIBUTES.contains(name) || collections.containsKey(name)) {
        throw new ExportException("Cannot write a SavedModel: endpoint name '" + name + "' is taken by "
            + (collections.containsKey(name) ? "a variable collection" : "the SavedModel's own attribute"));
      }
    }
    for (String name : collections.keySet()) {
      if (SAVED_MODEL_ATTRIBUTES.contains(name)) {
        throw new ExportException("Cannot write a SavedModel: variable collection name '" + name
            + "' is taken by the SavedModel's own attribute");
      }
    }
    List<SavedModelWriter.Endpoint> eps = new ArrayList<>();
    List<Variable> vars = new ArrayList<>();
    for (Layer l : tracked) {
      vars.addAll(l.weights());
    }
    collections.values().forEach(vars::addAll);
    for (Map.Entry<String, Traced> e : endpoints.entrySet()) {
      eps.add(new SavedModelWriter.Endpoint(e.getKey(), e.getValue().graph(), e.getValue().inputs()));
      vars.addAll(e.getValue().graph().variables());
    }
    try {
      SavedModelWriter.write(dir, eps, vars, collections);
    } catch (IOException e) {
      throw new ExportException("Cannot write the SavedModel to " + dir + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // A variable whose dtype the checkpoint cannot hold yet (float16, bfloat16, string).
      throw new ExportException("Cannot write the SavedModel to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every endpoint's signature as Keras prints it after writing a SavedModel: its positional
   * arguments, output type and captured variables.
   *
   * @return the signatures
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Traced> e : endpoints.entrySet()) {
      sb.append("\n* Endpoint '").append(e.getKey()).append("'\n");
      List<TensorSpec> in = e.getValue().inputs();
      for (int i = 0; i < in.size(); i++) {
        sb.append("  args_").append(i).append(" (POSITIONAL_ONLY): ").append(tfSpec(in.get(i), "'" + in.get(i).name()
            + "'")).append('\n');
      }
      sb.append("Output Type:\n  ");
      List<OpGraph.Value> outs = e.getValue().graph().outputs();
      List<String> specs = outs.stream().map(v -> tfSpec(new TensorSpec(null, v.shape(), v.dtype()), "None")).toList();
      sb.append(specs.size() == 1 ? specs.get(0) : "List[" + String.join(", ", specs) + "]").append('\n');
      sb.append("Captures:\n");
      Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Variable v : e.getValue().graph().variables()) {
        if (seen.add(v)) {
          sb.append("  ").append(v.path()).append(": TensorSpec(shape=(), dtype=tf.resource, name=None)\n");
        }
      }
    }
    return sb.toString();
  }

  private static String tfSpec(TensorSpec s, String name) {
    String shape = s.shapeString();
    if (s.shape().length == 1) {
      shape = shape.replace(")", ",)");
    }
    return "TensorSpec(shape=" + shape + ", dtype=" + TfTypes.tfName(s.dtype()) + ", name=" + name + ")";
  }

  private void checkTracked(String endpoint, OpGraph graph) {
    Set<Variable> known = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Layer l : tracked) {
      known.addAll(l.weights());
    }
    for (OpGraph.Constant c : graph.constants()) {
      if (c.variable() != null && !known.contains(c.variable())) {
        throw new ExportException("Tried to export a function which references an 'untracked' resource: endpoint '"
            + endpoint + "' reads variable '" + c.variable().path() + "' (layer '" + c.layerPath() + "'), which no"
            + " tracked layer owns. Variables used by an endpoint must be tracked: call track() with the layer or"
            + " model that owns them before addEndpoint().");
      }
    }
  }

  private static void checkName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " name '" + name + "' must be letters, digits, '_', '.' or '-'");
    }
  }
}
