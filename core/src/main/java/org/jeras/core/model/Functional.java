package org.jeras.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.KerasHistory;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.tensor.Tensor;

/**
 * A model defined by a graph of layer calls from symbolic {@link Input}s to outputs, as Keras's
 * {@code Functional}. Layers are ordered like Keras (by decreasing depth, ties in traversal
 * order), which fixes the names of their weight groups in saved files.
 */
public class Functional extends Model {
  private final List<Tensor> inputs;
  private final List<Tensor> outputs;
  private final List<LayerNode> nodes;
  private final List<Layer> layers;

  public Functional(Tensor input, Tensor output, String name) {
    this(List.of(input), List.of(output), name);
  }

  public Functional(List<Tensor> inputs, List<Tensor> outputs, String name) {
    if (name != null) {
      setName(name);
    }
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    Graph g = Graph.of(this.inputs, this.outputs);
    this.nodes = g.nodes;
    this.layers = g.layers;
    track("layers", layers);
    markBuiltWithConfig(inputShapeBuildConfig());
  }

  private JsonObject inputShapeBuildConfig() {
    JsonObject bc = new JsonObject();
    bc.add("input_shape", JsonNull.INSTANCE);
    return bc;
  }

  public List<Tensor> inputs() {
    return inputs;
  }

  public List<Tensor> outputs() {
    return outputs;
  }

  /** The graph's layers in Keras's order; graph operations that are not layers are left out, as in Keras. */
  @Override
  public List<Layer> layers() {
    return layers.stream().filter(l -> !(l instanceof org.jeras.core.layer.GraphOperation)).toList();
  }

  @Override
  public String module() {
    return "keras.src.models.functional";
  }

  /** The names of the layers producing the outputs (keys of per-output losses and logs). */
  @Override
  public List<String> outputNames() {
    List<String> names = new ArrayList<>();
    for (Tensor t : outputs) {
      names.add(t.history().layer().name());
    }
    return names;
  }

  @Override
  public String registeredName() {
    return getClass() == Functional.class ? "Functional" : super.registeredName();
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    List<Tensor> given = args.tensors(0);
    if (given.size() != inputs.size()) {
      throw new IllegalArgumentException("Model '" + name() + "' expects " + inputs.size() + " inputs, got " + given.size());
    }
    Map<Tensor, Tensor> values = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      values.put(inputs.get(i), given.get(i));
    }
    for (LayerNode node : nodes) {
      if (node.layer() instanceof InputLayer) {
        continue;
      }
      CallArgs concrete = node.args().map(t -> {
        Tensor v = values.get(t);
        if (v == null) {
          throw new IllegalStateException("Graph of '" + name() + "' is disconnected at layer '" + node.layer().name() + "'");
        }
        return v;
      });
      List<Tensor> out = node.layer().apply(concrete, ctx);
      for (int i = 0; i < out.size(); i++) {
        values.put(node.outputs().get(i), out.get(i));
      }
    }
    List<Tensor> result = new ArrayList<>(outputs.size());
    for (Tensor o : outputs) {
      result.add(values.get(o));
    }
    return result;
  }

  // ------------------------------------------------------------------ config

  @Override
  public Config getConfig() {
    Config c = Config.empty().put("name", name()).put("trainable", isTrainable());
    Map<Layer, List<LayerNode>> networkNodes = networkNodesByLayer();
    JsonArray layerDicts = new JsonArray();
    for (Layer layer : layers) {
      JsonObject dict = Serialization.serialize(layer).getAsJsonObject();
      dict.addProperty("name", layer.name());
      JsonArray inbound = new JsonArray();
      if (!(layer instanceof InputLayer)) {
        for (LayerNode node : networkNodes.getOrDefault(layer, List.of())) {
          inbound.add(nodeJson(node, networkNodes));
        }
      }
      dict.add("inbound_nodes", inbound);
      layerDicts.add(dict);
    }
    c.put("layers", layerDicts);
    c.put("input_layers", historyList(inputs, networkNodes));
    c.put("output_layers", historyList(outputs, networkNodes));
    return c;
  }

  private Map<Layer, List<LayerNode>> networkNodesByLayer() {
    Set<LayerNode> inNetwork = Collections.newSetFromMap(new IdentityHashMap<>());
    inNetwork.addAll(nodes);
    Map<Layer, List<LayerNode>> out = new IdentityHashMap<>();
    for (Layer l : layers) {
      List<LayerNode> kept = new ArrayList<>();
      for (LayerNode n : l.inboundNodes()) {
        if (inNetwork.contains(n)) {
          kept.add(n);
        }
      }
      out.put(l, kept);
    }
    return out;
  }

  private static JsonElement historyJson(Tensor t, Map<Layer, List<LayerNode>> networkNodes) {
    KerasHistory h = t.history();
    LayerNode node = h.layer().inboundNodes().get(h.nodeIndex());
    int reindexed = networkNodes.getOrDefault(h.layer(), List.of()).indexOf(node);
    JsonArray a = new JsonArray();
    a.add(h.layer().name());
    a.add(Math.max(reindexed, 0));
    a.add(h.tensorIndex());
    return a;
  }

  private static JsonElement historyList(List<Tensor> ts, Map<Layer, List<LayerNode>> networkNodes) {
    if (ts.size() == 1) {
      return historyJson(ts.get(0), networkNodes);
    }
    JsonArray a = new JsonArray();
    for (Tensor t : ts) {
      a.add(historyJson(t, networkNodes));
    }
    return a;
  }

  private static JsonObject nodeJson(LayerNode node, Map<Layer, List<LayerNode>> networkNodes) {
    JsonObject o = new JsonObject();
    JsonArray args = new JsonArray();
    for (Object a : node.args().args()) {
      args.add(valueJson(a, networkNodes));
    }
    JsonObject kwargs = new JsonObject();
    node.args().kwargs().forEach((k, v) -> kwargs.add(k, valueJson(v, networkNodes)));
    o.add("args", args);
    o.add("kwargs", kwargs);
    return o;
  }

  private static JsonElement valueJson(Object v, Map<Layer, List<LayerNode>> networkNodes) {
    if (v instanceof Tensor t) {
      JsonObject cfg = new JsonObject();
      cfg.add("shape", Config.shapeJson(t.shape()));
      cfg.addProperty("dtype", t.dtype().kerasName());
      cfg.add("keras_history", historyJson(t, networkNodes));
      JsonObject o = new JsonObject();
      o.addProperty("class_name", "__keras_tensor__");
      o.add("config", cfg);
      return o;
    }
    if (v instanceof List<?> l) {
      JsonArray a = new JsonArray();
      for (Object x : l) {
        a.add(valueJson(x, networkNodes));
      }
      return a;
    }
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (v instanceof JsonElement e) {
      return e;
    }
    return new JsonPrimitive(v.toString());
  }

  /** Rebuilds a functional model from Keras's config (layers, inbound_nodes, input/output layers). */
  public static Functional fromConfig(Config config) {
    GraphBuilder b = GraphBuilder.from(config);
    Functional f = new Functional(b.inputs, b.outputs, config.getString("name", null));
    f.setTrainable(config.getBoolean("trainable", true));
    return f;
  }

  // ------------------------------------------------------------------ graph construction

  /** Nodes in execution order and layers in Keras's order for a graph from inputs to outputs. */
  private static final class Graph {
    final List<LayerNode> nodes = new ArrayList<>();
    final List<Layer> layers = new ArrayList<>();

    static Graph of(List<Tensor> inputs, List<Tensor> outputs) {
      Set<Tensor> inputSet = Collections.newSetFromMap(new IdentityHashMap<>());
      inputSet.addAll(inputs);
      List<LayerNode> decreasingDepth = new ArrayList<>();
      Map<Layer, Integer> layerIndex = new IdentityHashMap<>();
      Set<LayerNode> finished = Collections.newSetFromMap(new IdentityHashMap<>());
      Set<LayerNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Tensor o : outputs) {
        visit(o, inputSet, finished, inProgress, decreasingDepth, layerIndex);
      }
      Map<LayerNode, Integer> nodeDepth = new IdentityHashMap<>();
      Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
      for (int i = decreasingDepth.size() - 1; i >= 0; i--) {
        LayerNode node = decreasingDepth.get(i);
        int depth = Math.max(nodeDepth.getOrDefault(node, 0), layerDepth.getOrDefault(node.layer(), 0));
        layerDepth.put(node.layer(), depth);
        nodeDepth.put(node, depth);
        for (LayerNode parent : parents(node)) {
          nodeDepth.put(parent, Math.max(depth + 1, nodeDepth.getOrDefault(parent, 0)));
        }
      }
      Graph g = new Graph();
      g.layers.addAll(layerDepth.keySet());
      g.layers.sort(Comparator.<Layer>comparingInt(layerDepth::get).reversed().thenComparingInt(layerIndex::get));
      List<LayerNode> ordered = new ArrayList<>(decreasingDepth);
      Map<LayerNode, Integer> position = new IdentityHashMap<>();
      for (int i = 0; i < ordered.size(); i++) {
        position.put(ordered.get(i), i);
      }
      ordered.sort(Comparator.<LayerNode>comparingInt(nodeDepth::get).reversed().thenComparingInt(position::get));
      g.nodes.addAll(ordered);
      return g;
    }

    private static List<LayerNode> parents(LayerNode node) {
      List<LayerNode> out = new ArrayList<>();
      for (Tensor t : node.args().allTensors()) {
        KerasHistory h = t.history();
        if (h != null) {
          out.add(h.layer().inboundNodes().get(h.nodeIndex()));
        }
      }
      return out;
    }

    private static void visit(Tensor t, Set<Tensor> inputs, Set<LayerNode> finished, Set<LayerNode> inProgress,
        List<LayerNode> out, Map<Layer, Integer> layerIndex) {
      KerasHistory h = t.history();
      if (h == null) {
        throw new IllegalArgumentException("Tensor " + t + " does not come from a layer call on an Input");
      }
      LayerNode node = h.layer().inboundNodes().get(h.nodeIndex());
      if (finished.contains(node)) {
        return;
      }
      if (!inProgress.add(node)) {
        throw new IllegalArgumentException("The graph has a cycle at layer '" + h.layer().name() + "'");
      }
      layerIndex.putIfAbsent(h.layer(), layerIndex.size());
      if (!(node.layer() instanceof InputLayer) && !inputs.contains(t)) {
        for (Tensor in : node.args().allTensors()) {
          visit(in, inputs, finished, inProgress, out, layerIndex);
        }
      }
      finished.add(node);
      inProgress.remove(node);
      out.add(node);
    }
  }

  /** Replays a config's layer calls in Keras's order until every node is created. */
  private static final class GraphBuilder {
    final Map<String, Layer> byName = new LinkedHashMap<>();
    final Map<String, List<List<Tensor>>> created = new HashMap<>();
    List<Tensor> inputs;
    List<Tensor> outputs;

    static GraphBuilder from(Config config) {
      GraphBuilder b = new GraphBuilder();
      JsonArray layerDicts = config.get("layers").getAsJsonArray();
      Map<String, JsonArray> pending = new LinkedHashMap<>();
      for (JsonElement e : layerDicts) {
        Config dict = Config.of(e.getAsJsonObject());
        String name = dict.getString("name");
        Layer layer = Serialization.deserialize(e, Layer.class);
        b.byName.put(name, layer);
        List<List<Tensor>> outs = new ArrayList<>();
        if (layer instanceof InputLayer in) {
          outs.add(List.of(in.output()));
        }
        b.created.put(name, outs);
        pending.put(name, dict.isSet("inbound_nodes") ? dict.get("inbound_nodes").getAsJsonArray() : new JsonArray());
      }
      Map<String, Integer> done = new HashMap<>();
      boolean progress = true;
      while (progress) {
        progress = false;
        for (Map.Entry<String, JsonArray> p : pending.entrySet()) {
          String name = p.getKey();
          JsonArray nodes = p.getValue();
          int i = done.getOrDefault(name, 0);
          while (i < nodes.size()) {
            CallArgs args = b.resolveNode(name, nodes.get(i).getAsJsonObject());
            if (args == null) {
              break;
            }
            b.created.get(name).add(b.byName.get(name).apply(args));
            i++;
            progress = true;
          }
          done.put(name, i);
        }
      }
      for (Map.Entry<String, JsonArray> p : pending.entrySet()) {
        if (done.getOrDefault(p.getKey(), 0) < p.getValue().size()) {
          throw new ConfigException("Functional config: cannot resolve the inputs of layer '" + p.getKey() + "'");
        }
      }
      b.inputs = b.tensors(config.get("input_layers"), "input_layers");
      b.outputs = b.tensors(config.get("output_layers"), "output_layers");
      return b;
    }

    private List<Tensor> tensors(JsonElement e, String key) {
      JsonArray a = e.getAsJsonArray();
      List<Tensor> out = new ArrayList<>();
      if (a.size() > 0 && a.get(0).isJsonPrimitive()) {
        out.add(lookup(a, key));
        return out;
      }
      for (JsonElement x : a) {
        out.add(lookup(x.getAsJsonArray(), key));
      }
      return out;
    }

    private Tensor lookup(JsonArray history, String where) {
      String layer = history.get(0).getAsString();
      int node = history.get(1).getAsInt();
      int index = history.get(2).getAsInt();
      List<List<Tensor>> outs = created.get(layer);
      if (outs == null) {
        throw new ConfigException("Functional config: '" + where + "' refers to unknown layer '" + layer + "'");
      }
      if (node >= outs.size()) {
        return null;
      }
      return outs.get(node).get(index);
    }

    /** The call arguments of a node, or null while some input is not created yet. */
    private CallArgs resolveNode(String layerName, JsonObject node) {
      List<Object> args = new ArrayList<>();
      Map<String, Object> kwargs = new LinkedHashMap<>();
      boolean[] missing = {false};
      if (node.has("args")) {
        for (JsonElement a : node.get("args").getAsJsonArray()) {
          args.add(value(a, missing, layerName));
        }
      }
      if (node.has("kwargs")) {
        for (Map.Entry<String, JsonElement> k : node.get("kwargs").getAsJsonObject().entrySet()) {
          kwargs.put(k.getKey(), value(k.getValue(), missing, layerName));
        }
      }
      return missing[0] ? null : CallArgs.of(args, kwargs);
    }

    private Object value(JsonElement e, boolean[] missing, String layerName) {
      if (e.isJsonNull()) {
        return null;
      }
      if (e.isJsonObject() && "__keras_tensor__".equals(Config.of(e.getAsJsonObject()).getString("class_name", null))) {
        JsonArray history = e.getAsJsonObject().getAsJsonObject("config").getAsJsonArray("keras_history");
        Tensor t = lookup(history, "inbound_nodes of '" + layerName + "'");
        if (t == null) {
          missing[0] = true;
        }
        return t;
      }
      if (e.isJsonArray()) {
        List<Object> l = new ArrayList<>();
        for (JsonElement x : e.getAsJsonArray()) {
          l.add(value(x, missing, layerName));
        }
        return l;
      }
      if (e.isJsonPrimitive()) {
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
      }
      return e;
    }
  }
}
