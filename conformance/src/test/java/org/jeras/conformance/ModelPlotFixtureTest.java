package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jeras.core.model.Model;
import org.jeras.core.plot.GraphLayout;
import org.jeras.core.plot.Graphviz;
import org.jeras.core.plot.LayerGraph;
import org.jeras.core.plot.PlotImages;
import org.jeras.core.utils.ModelPlot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ModelPlot.toDot} of real-Keras models: its boxes are the layers of Keras's config and its
 * arrows the {@code keras_history} of each layer call's inputs as Keras serialized them.
 */
class ModelPlotFixtureTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @TempDir
  Path tmp;
  private static final Pattern EDGE = Pattern.compile("^\"([^\"]*)\" -> \"([^\"]*)\" \\[penwidth=2\\];$", Pattern.MULTILINE);
  private static final Pattern NODE = Pattern.compile("^\"([^\"]*)\" \\[label=<", Pattern.MULTILINE);

  static Set<String> found(Pattern p, String dot, boolean edge) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(dot);
    while (m.find()) {
      out.add(edge ? m.group(1) + "->" + m.group(2) : m.group(1));
    }
    return out;
  }

  /** Every keras_history layer name inside a serialized call (args, kwargs, nested lists). */
  static void histories(JsonElement e, List<JsonObject> out) {
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> histories(x, out));
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("class_name") && o.get("class_name").getAsString().equals("__keras_tensor__")) {
        out.add(o.getAsJsonObject("config"));
      } else {
        o.entrySet().forEach(x -> histories(x.getValue(), out));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"func_multi_io", "shared_layer", "nested_sequential"})
  void functionalFixturesHaveKerasLayersAndCalls(String name) {
    JsonObject config = KerasConfigs.of(name).getAsJsonObject("config");
    Set<String> nodes = new TreeSet<>();
    Set<String> edges = new TreeSet<>();
    List<String> inputShapes = new ArrayList<>();
    for (JsonElement l : config.getAsJsonArray("layers")) {
      JsonObject layer = l.getAsJsonObject();
      String layerName = layer.get("name").getAsString();
      nodes.add(layerName);
      JsonArray calls = layer.getAsJsonArray("inbound_nodes");
      for (int c = 0; c < calls.size(); c++) {
        List<JsonObject> tensors = new ArrayList<>();
        histories(calls.get(c), tensors);
        for (JsonObject t : tensors) {
          edges.add(t.getAsJsonArray("keras_history").get(0).getAsString() + "->" + layerName);
        }
        if (c == 0 && tensors.size() == 1) {
          inputShapes.add(layerName + ": Input shape: <b>" + tuple(tensors.get(0).getAsJsonArray("shape")) + "</b>");
        }
      }
    }
    Model model = KerasModels.load(name);
    String dot = ModelPlot.toDot(model, ModelPlot.Options.DEFAULT.withShowShapes(true));
    assertEquals(nodes, found(NODE, dot, false));
    assertEquals(edges, found(EDGE, dot, true));
    assertTrue(edges.size() >= 2, "fixture " + name + " has a graph");
    for (String s : inputShapes) {
      String layerName = s.substring(0, s.indexOf(':'));
      String line = dot.lines().filter(x -> x.startsWith("\"" + layerName + "\" [label=")).findFirst().orElseThrow();
      assertTrue(line.contains(s.substring(layerName.length() + 2)), line + " lacks " + s);
    }
  }

  @Test
  void builtinPngOfAMultiInputMultiOutputModel() throws Exception {
    ModelPlot.Options options = ModelPlot.Options.DEFAULT.withRenderer(ModelPlot.Renderer.BUILTIN).withDpi(72)
        .withShowShapes(true);
    Model model = KerasModels.load("func_multi_io");
    Path png = tmp.resolve("func_multi_io.png");
    ModelPlot.plotModel(model, png, options);
    BufferedImage img = PlotImages.read(png);
    GraphLayout layout = GraphLayout.of(LayerGraph.of(model, options), options);
    assertEquals(KerasConfigs.of("func_multi_io").getAsJsonObject("config").getAsJsonArray("layers").size(),
        layout.places().size());
    assertEquals((int) Math.ceil(layout.width()), img.getWidth());
    assertEquals((int) Math.ceil(layout.height()), img.getHeight());
    for (GraphLayout.Place p : layout.places()) {
      int rgb = img.getRGB((int) p.x() + 2, (int) p.y() + 2) & 0xffffff;
      assertEquals(0, rgb, p.id() + "'s title is drawn at its place");
    }
    // The two inputs share the top rank, the two outputs the bottom one.
    Map<String, GraphLayout.Place> at = new HashMap<>();
    layout.places().forEach(p -> at.put(p.id(), p));
    assertEquals(at.get("in_a").y(), at.get("in_b").y());
    assertEquals(at.get("out_reg").y(), at.get("out_cls").y());
    assertTrue(at.get("trunk").y() < at.get("out_cls").y());
    // proj_a -> concat and proj_b -> concat skip add's rank: they pass beside add, left and right of it.
    GraphLayout.Place add = at.get("add");
    int y = (int) (add.y() + add.height() / 2);
    assertTrue(PlotImages.count(img, 0, 90, 0, y, (int) add.x() - 1, 1) > 0, "an arrow left of add");
    int right = (int) (add.x() + add.width()) + 2;
    assertTrue(PlotImages.count(img, 0, 90, right, y, img.getWidth() - right, 1) > 0, "an arrow right of add");
  }

  @Test
  void graphvizAcceptsTheDotOfAFixture() throws Exception {
    assumeTrue(Graphviz.findDot().isPresent(), "Graphviz is not installed");
    Path png = tmp.resolve("func_multi_io_graphviz.png");
    ModelPlot.plotModel(KerasModels.load("func_multi_io"), png, ModelPlot.Options.DEFAULT.withDpi(72)
        .withRenderer(ModelPlot.Renderer.GRAPHVIZ).withShowShapes(true).withShowDtype(true).withShowTrainable(true));
    BufferedImage img = PlotImages.read(png);
    assertTrue(img.getWidth() > 300 && img.getHeight() > 400, img.getWidth() + "x" + img.getHeight());
    assertTrue(PlotImages.count(img, 0x228b22, 8, 0, 0, img.getWidth(), img.getHeight()) > 100, "trainable cells");
  }

  /** Python's repr of a shape list from the config: {@code [null, 5]} as {@code (None, 5)}. */
  static String tuple(JsonArray shape) {
    List<String> dims = new ArrayList<>();
    shape.forEach(d -> dims.add(d.isJsonNull() ? "None" : d.getAsString()));
    return "(" + String.join(", ", dims) + (dims.size() == 1 ? ",)" : ")");
  }

  @Test
  void sequentialFixtureIsAChainOfItsLayers() {
    JsonObject config = KerasConfigs.of("nested_functional_in_sequential").getAsJsonObject("config");
    List<String> layers = new ArrayList<>();
    for (JsonElement l : config.getAsJsonArray("layers")) {
      if (!l.getAsJsonObject().get("class_name").getAsString().equals("InputLayer")) {
        layers.add(l.getAsJsonObject().getAsJsonObject("config").get("name").getAsString());
      }
    }
    String dot = ModelPlot.toDot(KerasModels.load("nested_functional_in_sequential"));
    assertEquals(new TreeSet<>(layers), found(NODE, dot, false));
    Set<String> chain = new TreeSet<>();
    for (int i = 0; i + 1 < layers.size(); i++) {
      chain.add(layers.get(i) + "->" + layers.get(i + 1));
    }
    assertEquals(chain, found(EDGE, dot, true));
  }

  @Test
  void expandedNestedFunctionalIsEnteredAtItsInput() {
    // Keras's rule: an arrow into an expanded functional model ends at its InputLayer's box.
    JsonObject inner = KerasConfigs.of("nested_functional_in_sequential").getAsJsonObject("config")
        .getAsJsonArray("layers").get(1).getAsJsonObject().getAsJsonObject("config");
    Set<String> nodes = new TreeSet<>(Set.of("head"));
    Set<String> edges = new TreeSet<>();
    for (JsonElement l : inner.getAsJsonArray("layers")) {
      String layerName = l.getAsJsonObject().get("name").getAsString();
      nodes.add("inner_func/" + layerName);
      List<JsonObject> tensors = new ArrayList<>();
      histories(l.getAsJsonObject().get("inbound_nodes"), tensors);
      for (JsonObject t : tensors) {
        edges.add("inner_func/" + t.getAsJsonArray("keras_history").get(0).getAsString() + "->inner_func/" + layerName);
      }
    }
    String output = inner.getAsJsonArray("output_layers").get(0).getAsString();
    edges.add("inner_func/" + output + "->head");
    String dot = ModelPlot.toDot(KerasModels.load("nested_functional_in_sequential"),
        ModelPlot.Options.DEFAULT.withExpandNested(true));
    assertEquals(nodes, found(NODE, dot, false));
    assertEquals(edges, found(EDGE, dot, true));
  }

  @Test
  void expandedNestedSequentialIsACluster() {
    JsonObject config = KerasConfigs.of("nested_sequential").getAsJsonObject("config");
    Set<String> inner = new LinkedHashSet<>();
    for (JsonElement l : config.getAsJsonArray("layers")) {
      JsonObject layer = l.getAsJsonObject();
      if (layer.get("class_name").getAsString().equals("Sequential")) {
        for (JsonElement x : layer.getAsJsonObject("config").getAsJsonArray("layers")) {
          if (!x.getAsJsonObject().get("class_name").getAsString().equals("InputLayer")) {
            inner.add("inner_block/" + x.getAsJsonObject().getAsJsonObject("config").get("name").getAsString());
          }
        }
      }
    }
    List<String> innerIds = new ArrayList<>(inner);
    String dot = ModelPlot.toDot(KerasModels.load("nested_sequential"), ModelPlot.Options.DEFAULT.withExpandNested(true));
    Set<String> nodes = new TreeSet<>(innerIds);
    nodes.add("x");
    nodes.add("head");
    assertEquals(nodes, found(NODE, dot, false));
    Set<String> edges = new TreeSet<>();
    edges.add("x->" + innerIds.get(0));
    for (int i = 0; i + 1 < innerIds.size(); i++) {
      edges.add(innerIds.get(i) + "->" + innerIds.get(i + 1));
    }
    edges.add(innerIds.get(innerIds.size() - 1) + "->head");
    assertEquals(edges, found(EDGE, dot, true));
    assertTrue(dot.contains("subgraph \"cluster_inner_block\" {"), dot);
  }
}
