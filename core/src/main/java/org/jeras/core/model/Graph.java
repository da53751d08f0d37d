package org.jeras.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.layer.KerasHistory;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.tensor.Tensor;

/** Nodes in execution order and layers in Keras's order for a graph from inputs to outputs. */
final class Graph {
  final List<LayerNode> nodes = new ArrayList<>();
  final List<Layer> layers = new ArrayList<>();
  final Map<LayerNode, Integer> depths = new IdentityHashMap<>();

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
    g.depths.putAll(nodeDepth);
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
