package org.jeras.core.plot;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.layer.KerasHistory;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.model.Functional;
import org.jeras.core.model.InputLayer;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.utils.ModelPlot;

/**
 * What Keras's {@code model_to_dot} draws, independent of who renders it: one box per layer (or per
 * nested model left unexpanded), the clusters of expanded nested models, and the arrows: along a
 * Sequential's layers, and along each functional layer call's input tensors back to the layers that
 * produced them (calls outside the model's graph are left out).
 */
public final class LayerGraph {
  /** Background of a trainable layer's cell (Graphviz's colour name, as Keras uses it). */
  public static final String TRAINABLE = "forestgreen";
  /** Background of a non-trainable layer's cell. */
  public static final String NON_TRAINABLE = "firebrick";

  /** One cell under a box's title: plain {@code label}, bold {@code value}, on {@code background}. */
  public record Cell(String label, String value, String background) {}

  /**
   * One box: {@code title} is "name (Class)" or the class alone, {@code boldTitle} its bold part;
   * {@code activation} the name of the layer's activation for a row of its own, or null;
   * {@code cluster} is the id of the innermost expanded model holding it ("" at the top);
   * {@code columns} is the width of the title in cells, as Keras's {@code colspan}.
   */
  public record Box(String id, String boldTitle, String title, String activation, List<Cell> cells, int columns,
      String cluster) {}

  /** An expanded nested model, drawn as a dashed frame labelled with its name inside {@code parent}. */
  public record Cluster(String id, String label, String parent) {}

  /** An arrow between two boxes' ids. */
  public record Edge(String from, String to) {}

  private final ModelPlot.Options options;
  private final List<Box> boxes = new ArrayList<>();
  private final List<Cluster> clusters = new ArrayList<>();
  private final Set<Edge> edges = new LinkedHashSet<>();
  private final Map<Layer, String> ids = new IdentityHashMap<>();
  private final Set<String> usedIds = new HashSet<>();

  private LayerGraph(ModelPlot.Options options) {
    this.options = options;
  }

  /**
   * The graph of {@code model}; throws {@link PlotException} if the model is not built.
   *
   * @param model the built model
   * @param options the plot options
   * @return the graph
   */
  public static LayerGraph of(Model model, ModelPlot.Options options) {
    if (!model.isBuilt()) {
      throw new PlotException("Model '" + model.name() + "' is not built yet; build it or call it on an input"
          + " before plotting it");
    }
    LayerGraph g = new LayerGraph(options);
    g.add(model, "", "");
    return g;
  }

  /** {@return the boxes in Keras's order (a functional model's operations, a Sequential's layers)} */
  public List<Box> boxes() {
    return Collections.unmodifiableList(boxes);
  }

  /** {@return the expanded nested models, outer ones first} */
  public List<Cluster> clusters() {
    return Collections.unmodifiableList(clusters);
  }

  /** {@return the arrows, each once, in the order Keras adds them} */
  public List<Edge> edges() {
    return List.copyOf(edges);
  }

  private void add(Model model, String cluster, String prefix) {
    List<Layer> layers;
    if (model instanceof Sequential s) {
      layers = s.layers();
    } else if (model instanceof Functional f) {
      layers = f.operations();
    } else {
      // A subclassed model is one box: its call is code, not a graph.
      box(model, cluster, prefix);
      return;
    }
    for (Layer l : layers) {
      if (expands(l)) {
        String id = id(l, prefix, "cluster_");
        clusters.add(new Cluster(id, l.name(), cluster));
        add((Model) l, id, prefix + l.name() + "/");
      } else {
        box(l, cluster, prefix);
      }
    }
    if (model instanceof Sequential) {
      for (int i = 0; i + 1 < layers.size(); i++) {
        edge(source(layers.get(i), 0), destination(layers.get(i + 1), 0));
      }
      return;
    }
    Set<LayerNode> graphNodes = ((Functional) model).nodeDepths().keySet();
    for (Layer l : layers) {
      for (LayerNode node : l.inboundNodes()) {
        if (!graphNodes.contains(node)) {
          continue;
        }
        List<Tensor> ins = node.args().allTensors();
        for (int i = 0; i < ins.size(); i++) {
          KerasHistory h = ins.get(i).history();
          if (h != null) {
            edge(source(h.layer(), h.tensorIndex()), destination(l, i));
          }
        }
      }
    }
  }

  private boolean expands(Layer l) {
    return options.expandNested() && (l instanceof Functional || l instanceof Sequential);
  }

  /** The box an arrow leaves from: inside an expanded model, the layer making its output {@code index}. */
  private Layer source(Layer l, int index) {
    for (int guard = 0; expands(l) && guard < 1000; guard++) {
      if (l instanceof Functional f) {
        KerasHistory h = f.outputs().get(Math.min(index, f.outputs().size() - 1)).history();
        l = h.layer();
        index = h.tensorIndex();
      } else {
        List<Layer> inner = ((Sequential) l).layers();
        if (inner.isEmpty()) {
          break;
        }
        l = inner.get(inner.size() - 1);
        index = 0;
      }
    }
    return l;
  }

  /** The box an arrow enters: inside an expanded model, the Input taking its input {@code index}. */
  private Layer destination(Layer l, int index) {
    for (int guard = 0; expands(l) && guard < 1000; guard++) {
      if (l instanceof Functional f) {
        l = f.inputs().get(Math.min(index, f.inputs().size() - 1)).history().layer();
      } else {
        List<Layer> inner = ((Sequential) l).layers();
        if (inner.isEmpty()) {
          break;
        }
        l = inner.get(0);
      }
    }
    return l;
  }

  private void edge(Layer from, Layer to) {
    String a = ids.get(from);
    String b = ids.get(to);
    // A layer with no box (an empty nested model) gets no arrow rather than a box of its own.
    if (a != null && b != null) {
      edges.add(new Edge(a, b));
    }
  }

  private String id(Layer l, String prefix, String kind) {
    String base = kind + prefix + l.name();
    String id = base;
    for (int k = 1; !usedIds.add(id); k++) {
      id = base + "_" + k;
    }
    ids.put(l, id);
    return id;
  }

  private void box(Layer l, String cluster, String prefix) {
    if (ids.containsKey(l)) {
      // A layer shared with an expanded nested model is drawn once.
      return;
    }
    String id = id(l, prefix, "");
    String cls = l.className();
    List<Cell> cells = new ArrayList<>();
    List<Tensor> ins = List.of();
    List<Tensor> outs = List.of();
    if (!l.inboundNodes().isEmpty()) {
      // Keras's layer.input / layer.output: the tensors of the layer's first call.
      LayerNode first = l.inboundNodes().get(0);
      ins = first.args().allTensors();
      outs = first.outputs();
    }
    if (options.showShapes()) {
      if (!(l instanceof InputLayer)) {
        cells.add(new Cell("Input shape: ", shapes(ins), "white"));
      }
      cells.add(new Cell("Output shape: ", shapes(outs), "white"));
    }
    if (options.showDtype()) {
      cells.add(new Cell("Output dtype: ", dtypes(outs), "white"));
    }
    if (options.showTrainable() && !l.weights().isEmpty()) {
      cells.add(l.isTrainable() ? new Cell("", "Trainable", TRAINABLE) : new Cell("", "Non-trainable", NON_TRAINABLE));
    }
    int columns = (options.showDtype() ? 1 : 0) + (options.showTrainable() ? 1 : 0) + (options.showShapes() ? 2 : 0);
    String bold = options.showLayerNames() ? l.name() : cls;
    String title = options.showLayerNames() ? l.name() + " (" + cls + ")" : cls;
    String activation = options.showLayerActivations() ? activation(l) : null;
    boxes.add(new Box(id, bold, title, activation, List.copyOf(cells), Math.max(1, columns), cluster));
  }

  /**
   * The name of the layer's activation as its config holds it (a built-in's name, else the
   * serialized function's name or class), or null for a layer without one (Keras's
   * {@code hasattr(layer, "activation")}).
   */
  private static String activation(Layer l) {
    if (l instanceof Model) {
      return null;
    }
    JsonElement a;
    try {
      a = l.getConfig().json().get("activation");
    } catch (RuntimeException e) {
      // A layer that cannot describe itself still gets its box, without the row.
      return null;
    }
    if (a == null || a.isJsonNull()) {
      return null;
    }
    if (a.isJsonPrimitive()) {
      return a.getAsString();
    }
    if (a.isJsonObject()) {
      JsonObject o = a.getAsJsonObject();
      for (String key : new String[] {"config", "registered_name", "class_name"}) {
        if (o.has(key) && o.get(key).isJsonPrimitive()) {
          return o.get(key).getAsString();
        }
      }
    }
    return null;
  }

  /** Python's repr of the shapes: {@code (None, 8)}, or a list of them for several tensors. */
  private static String shapes(List<Tensor> ts) {
    if (ts.isEmpty()) {
      return "?";
    }
    if (ts.size() == 1) {
      return ts.get(0).shape().toString();
    }
    List<String> parts = new ArrayList<>();
    for (Tensor t : ts) {
      parts.add(t.shape().toString());
    }
    return "[" + String.join(", ", parts) + "]";
  }

  private static String dtypes(List<Tensor> ts) {
    if (ts.isEmpty()) {
      return "?";
    }
    if (ts.size() == 1) {
      return ts.get(0).dtype().kerasName();
    }
    List<String> parts = new ArrayList<>();
    for (Tensor t : ts) {
      parts.add("'" + t.dtype().kerasName() + "'");
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
