package org.jeras.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.GraphOperation;
import org.jeras.core.layer.InputSpec;
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
  private final Map<LayerNode, Integer> nodeDepths;
  private final List<InputSpec> inputSpecs;

  /**
   * A model from one input to one output (Keras's {@code Model(inputs, outputs)}).
   *
   * @param input the symbolic input
   * @param output the symbolic output
   * @param name the model's name, or null for an automatic one
   */
  public Functional(Tensor input, Tensor output, String name) {
    this(List.of(input), List.of(output), name);
  }

  /**
   * A model from several inputs to several outputs (Keras's {@code Model(inputs, outputs)}).
   *
   * @param inputs the symbolic inputs
   * @param outputs the symbolic outputs
   * @param name the model's name, or null for an automatic one
   */
  public Functional(List<Tensor> inputs, List<Tensor> outputs, String name) {
    if (name != null) {
      setName(name);
    }
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    Graph g = Graph.of(this.inputs, this.outputs);
    this.nodes = g.nodes;
    this.layers = g.layers;
    this.nodeDepths = g.depths;
    this.inputSpecs = ModelInputs.specs(this.inputs);
    track("layers", layers);
    markBuiltWithConfig(inputShapeBuildConfig());
  }

  private JsonObject inputShapeBuildConfig() {
    JsonObject bc = new JsonObject();
    bc.add("input_shape", JsonNull.INSTANCE);
    return bc;
  }

  /** {@return the symbolic inputs, in order (Keras's {@code model.inputs})} */
  public List<Tensor> inputs() {
    return inputs;
  }

  /** {@return the symbolic outputs, in order (Keras's {@code model.outputs})} */
  public List<Tensor> outputs() {
    return outputs;
  }

  /** {@return the graph's layers and operations in Keras's order (Keras's {@code model._operations})} */
  public List<Layer> operations() {
    return Collections.unmodifiableList(layers);
  }

  /**
   * The layer calls of this graph, each with its depth: 0 at the outputs (Keras's
   * {@code _nodes_by_depth}); a layer's other calls (in other models) are not keys.
   *
   * @return the depth of each layer call
   */
  public Map<LayerNode, Integer> nodeDepths() {
    return Collections.unmodifiableMap(nodeDepths);
  }

  /** The graph's layers in Keras's order; graph operations that are not layers are left out, as in Keras. */
  @Override
  public List<Layer> layers() {
    return layers.stream().filter(l -> !(l instanceof GraphOperation)).toList();
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

  /**
   * As Keras's Functional, inputs are not autocast to the model's compute dtype but converted to
   * their Input's dtype (a float64 Input stays float64 in a float32 model).
   */
  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  /** Keras's {@code Functional.input_spec}: each Input's shape with any batch size, named after it. */
  @Override
  public List<InputSpec> inputSpec() {
    return inputSpecs;
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    List<Tensor> given = ModelInputs.standardize(args.tensors(0), inputs, callPath(), true);
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

  /** Keras's {@code Functional.call} takes a {@code mask}. */
  @Override
  protected boolean callTakesMask() {
    return true;
  }

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

  /**
   * Rebuilds a functional model from Keras's config (layers, inbound_nodes, input/output layers).
   *
   * @param config the model's config
   * @return the rebuilt model
   */
  public static Functional fromConfig(Config config) {
    GraphBuilder b = GraphBuilder.from(config);
    Functional f = new Functional(b.inputs, b.outputs, config.getString("name", null));
    f.setTrainable(config.getBoolean("trainable", true));
    return f;
  }

}
