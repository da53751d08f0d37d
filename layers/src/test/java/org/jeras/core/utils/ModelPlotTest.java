package org.jeras.core.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.plot.GraphLayout;
import org.jeras.core.plot.GraphPainter;
import org.jeras.core.plot.Graphviz;
import org.jeras.core.plot.LayerGraph;
import org.jeras.core.plot.PlotException;
import org.jeras.core.plot.PlotImages;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.utils.ModelPlot.Options;
import org.jeras.core.utils.ModelPlot.Renderer;
import org.jeras.layers.core.Dense;
import org.jeras.layers.merging.Add;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPlotTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final Pattern EDGE = Pattern.compile("^\"([^\"]*)\" -> \"([^\"]*)\" \\[penwidth=2\\];$", Pattern.MULTILINE);
  private static final Pattern NODE = Pattern.compile("^\"([^\"]*)\" \\[label=<", Pattern.MULTILINE);
  private static final Options BUILTIN = Options.DEFAULT.withRenderer(Renderer.BUILTIN).withDpi(72);

  @TempDir
  Path dir;

  static <L extends Layer> L named(L layer, String name) {
    layer.setName(name);
    return layer;
  }

  /** in -> a, in -> b, (a, b) -> sum -> out. */
  static Functional diamond() {
    Tensor in = Input.of(8);
    in.history().layer().setName("in");
    Tensor a = named(new Dense(4), "a").apply(in);
    Tensor b = named(new Dense(4), "b").apply(in);
    Tensor sum = named(new Add(), "sum").apply(List.of(a, b));
    Tensor out = named(new Dense(1), "out").apply(sum);
    return new Functional(in, out, "diamond");
  }

  static Set<String> edges(String dot) {
    Set<String> out = new TreeSet<>();
    Matcher m = EDGE.matcher(dot);
    while (m.find()) {
      out.add(m.group(1) + "->" + m.group(2));
    }
    return out;
  }

  static List<String> nodes(String dot) {
    List<String> out = new ArrayList<>();
    Matcher m = NODE.matcher(dot);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void functionalDotHasOneNodePerLayerAndEdgesAlongTheCalls() {
    String dot = ModelPlot.toDot(diamond());
    assertTrue(dot.startsWith("digraph G {\nconcentrate=True;\ndpi=200;\nrankdir=TB;\nsplines=ortho;\n"), dot);
    assertEquals(List.of("in", "a", "b", "sum", "out"), nodes(dot).stream().sorted(
        java.util.Comparator.comparingInt(List.of("in", "a", "b", "sum", "out")::indexOf)).toList());
    assertEquals(5, nodes(dot).size());
    assertEquals(Set.of("in->a", "in->b", "a->sum", "b->sum", "sum->out"), edges(dot));
    assertTrue(dot.contains("<b>sum</b> (Add)</font>"), dot);
    assertFalse(dot.contains("shape:"));
  }

  @Test
  void showShapesAndDtypeAddKerasCells() {
    String dot = ModelPlot.toDot(diamond(), Options.DEFAULT.withShowShapes(true).withShowDtype(true)
        .withShowTrainable(true).withShowLayerNames(false));
    assertTrue(dot.contains("Input shape: <b>[(None, 4), (None, 4)]</b>"), dot);
    assertTrue(dot.contains("Output shape: <b>(None, 1)</b>"), dot);
    assertTrue(dot.contains("Output dtype: <b>float32</b>"), dot);
    assertTrue(dot.contains("<td bgcolor=\"forestgreen\"><font point-size=\"14\" color=\"white\"><b>Trainable</b>"), dot);
    // Without names, the title is the class alone; an InputLayer has no input shape cell.
    assertTrue(dot.contains("<td colspan=\"4\" bgcolor=\"black\"><font point-size=\"16\" color=\"white\"><b>InputLayer</b></font></td></tr>"
        + "<tr><td bgcolor=\"white\"><font point-size=\"14\">Output shape: <b>(None, 8)</b></font></td>"
        + "<td bgcolor=\"white\"><font point-size=\"14\">Output dtype: <b>float32</b></font></td></tr>"), dot);
  }

  @Test
  void activationsGetARowOfTheirOwn() throws Exception {
    Tensor in = Input.of(3);
    Tensor h = named(new Dense(4, "relu"), "hidden").apply(in);
    Functional m = new Functional(in, named(new Dense(2), "linear_out").apply(h), "act");
    Options options = BUILTIN.withShowLayerActivations(true);
    String dot = ModelPlot.toDot(m, options);
    assertTrue(dot.contains("<b>hidden</b> (Dense)</font></td></tr><tr><td bgcolor=\"white\" colspan=\"1\">"
        + "<font point-size=\"14\">Activation: <b>relu</b></font></td></tr></table>>"), dot);
    assertTrue(dot.contains("Activation: <b>linear</b>"), dot);
    assertEquals(2, dot.split("Activation:", -1).length - 1, "no row for the InputLayer");
    GraphLayout with = GraphLayout.of(LayerGraph.of(m, options), options);
    GraphLayout without = GraphLayout.of(LayerGraph.of(m, BUILTIN), BUILTIN);
    assertTrue(with.places().get(1).height() > without.places().get(1).height() + 20);
    assertEquals(with.places().get(0).height(), without.places().get(0).height());
    Path png = dir.resolve("activations.png");
    ModelPlot.plotModel(m, png, options);
    assertBoxesDrawn(PlotImages.read(png), with, 1);
  }

  @Test
  void sequentialIsAChainWithoutItsInputLayer() {
    Sequential s = new Sequential("seq", named(new Dense(8), "d1"), named(new Dense(4), "d2"), named(new Dense(2), "d3"));
    s.apply(Input.of(3));
    String dot = ModelPlot.toDot(s);
    assertEquals(List.of("d1", "d2", "d3"), nodes(dot));
    assertEquals(Set.of("d1->d2", "d2->d3"), edges(dot));
  }

  static Functional nested() {
    Sequential inner = new Sequential("inner", named(new Dense(6), "i1"), named(new Dense(5), "i2"));
    Tensor in = Input.of(4);
    in.history().layer().setName("x");
    Tensor out = named(new Dense(1), "head").apply(inner.apply(in));
    return new Functional(in, out, "outer");
  }

  @Test
  void nestedModelsAreOneBoxUnlessExpanded() {
    Functional m = nested();
    String flat = ModelPlot.toDot(m);
    assertEquals(List.of("x", "inner", "head"), nodes(flat));
    assertEquals(Set.of("x->inner", "inner->head"), edges(flat));
    assertTrue(flat.contains("<b>inner</b> (Sequential)"));
    String expanded = ModelPlot.toDot(m, Options.DEFAULT.withExpandNested(true));
    assertEquals(List.of("x", "head", "inner/i1", "inner/i2"), nodes(expanded));
    assertEquals(Set.of("x->inner/i1", "inner/i1->inner/i2", "inner/i2->head"), edges(expanded));
    assertTrue(expanded.contains("subgraph \"cluster_inner\" {\nlabel=\"inner\";\nlabeljust=l;\nstyle=dashed;\n"), expanded);
  }

  @Test
  void builtinPngOfAChainHasOneBoxPerLayer() throws Exception {
    Sequential s = new Sequential("seq", named(new Dense(8), "d1"), named(new Dense(4), "d2"), named(new Dense(2), "d3"));
    s.apply(Input.of(3));
    Path png = dir.resolve("chain.png");
    ModelPlot.plotModel(s, png, BUILTIN);
    BufferedImage img = PlotImages.read(png);
    assertTrue(img.getHeight() > img.getWidth(), "a chain is tall: " + img.getWidth() + "x" + img.getHeight());
    GraphLayout layout = GraphLayout.of(LayerGraph.of(s, BUILTIN), BUILTIN);
    assertEquals(List.of("d1", "d2", "d3"), layout.places().stream().map(GraphLayout.Place::id).toList());
    assertEquals((int) Math.ceil(layout.width()), img.getWidth());
    assertEquals((int) Math.ceil(layout.height()), img.getHeight());
    for (int i = 0; i < 3; i++) {
      GraphLayout.Place p = layout.places().get(i);
      assertEquals(layout.width() / 2, p.x() + p.width() / 2, 1e-9, "a chain is centred");
      if (i > 0) {
        GraphLayout.Place above = layout.places().get(i - 1);
        assertTrue(p.y() > above.y() + above.height() + 20, "ranks apart");
      }
    }
    assertBoxesDrawn(img, layout, 1);
    double ink = PlotImages.inkFraction(img, 0, 0, img.getWidth(), img.getHeight());
    assertTrue(ink > 0.1 && ink < 0.6, "ink " + ink);
    // The resolution scales the image as Graphviz's dpi does.
    Path big = dir.resolve("chain_144.png");
    ModelPlot.plotModel(s, big, BUILTIN.withDpi(144));
    BufferedImage img2 = PlotImages.read(big);
    assertEquals(2 * img.getWidth(), img2.getWidth(), 2);
    assertEquals(2 * img.getHeight(), img2.getHeight(), 2);
  }

  @Test
  void builtinPngOfABranchingGraphPutsSiblingsSideBySide() throws Exception {
    Path png = dir.resolve("diamond.png");
    ModelPlot.plotModel(diamond(), png, BUILTIN.withShowShapes(true).withShowTrainable(true));
    BufferedImage img = PlotImages.read(png);
    Options options = BUILTIN.withShowShapes(true).withShowTrainable(true);
    GraphLayout layout = GraphLayout.of(LayerGraph.of(diamond(), options), options);
    assertBoxesDrawn(img, layout, 1);
    // Ranks: in | a b | sum | out: a and b side by side at one height, the others one per rank.
    Map<String, GraphLayout.Place> at = new HashMap<>();
    layout.places().forEach(p -> at.put(p.id(), p));
    assertEquals(at.get("a").y(), at.get("b").y(), 1e-9);
    assertTrue(at.get("a").x() + at.get("a").width() < at.get("b").x());
    assertTrue(at.get("in").y() + at.get("in").height() < at.get("a").y());
    assertTrue(at.get("a").y() + at.get("a").height() < at.get("sum").y());
    assertTrue(at.get("sum").y() + at.get("sum").height() < at.get("out").y());
    assertTrue(PlotImages.count(img, 0x228b22, 8, 0, 0, img.getWidth(), img.getHeight()) > 100, "green trainable cells");
    assertTrue(PlotImages.colours(img) > 20);
  }

  @Test
  void aPlotTooLargeForTheDpiIsShrunkToTheLimit() {
    assertEquals(1.0, GraphPainter.scale(1000, 500, 72));
    assertEquals(200 / 72.0, GraphPainter.scale(1000, 500, 200));
    // 1000 x 500 points at 1200 dpi would be 139 megapixels: shrunk to exactly the limit.
    double s = GraphPainter.scale(1000, 500, 1200);
    assertEquals(GraphPainter.MAX_PIXELS, 1000 * s * 500 * s, 1);
    // A deep chain is held to the longest side.
    assertEquals(GraphPainter.MAX_SIDE / 20_000.0, GraphPainter.scale(300, 20_000, 200), 1e-12);
    assertThrows(PlotException.class, () -> GraphPainter.scale(300, 100_000, 200));
  }

  @Test
  void residualStackKeepsEveryArrowPointingDown() throws Exception {
    Tensor in = Input.of(8);
    Tensor x = in;
    for (int i = 0; i < 12; i++) {
      Tensor h = named(new Dense(8), "block" + i + "_a").apply(x);
      h = named(new Dense(8), "block" + i + "_b").apply(h);
      x = named(new Add(), "block" + i + "_add").apply(List.of(x, h));
    }
    Functional m = new Functional(in, x, "residual");
    Options options = BUILTIN.withShowShapes(true);
    LayerGraph graph = LayerGraph.of(m, options);
    GraphLayout layout = GraphLayout.of(graph, options);
    Map<String, GraphLayout.Place> at = new HashMap<>();
    layout.places().forEach(p -> at.put(p.id(), p));
    assertEquals(37, at.size());
    assertEquals(48, graph.edges().size());
    for (LayerGraph.Edge e : graph.edges()) {
      assertTrue(at.get(e.from()).y() + at.get(e.from()).height() < at.get(e.to()).y(), e.toString());
    }
    Path png = dir.resolve("residual.png");
    ModelPlot.plotModel(m, png, options);
    assertBoxesDrawn(PlotImages.read(png), layout, 1);
  }

  @Test
  void leftToRightLaysRanksAsColumns() throws Exception {
    Path png = dir.resolve("lr.png");
    Sequential s = new Sequential("seq", named(new Dense(8), "d1"), named(new Dense(4), "d2"), named(new Dense(2), "d3"));
    s.apply(Input.of(3));
    ModelPlot.plotModel(s, png, BUILTIN.withRankdir("LR"));
    BufferedImage img = PlotImages.read(png);
    assertTrue(img.getWidth() > 2 * img.getHeight(), img.getWidth() + "x" + img.getHeight());
  }

  @Test
  void expandedNestedModelIsFramed() throws Exception {
    Path png = dir.resolve("nested.png");
    Options options = BUILTIN.withExpandNested(true).withShowShapes(true);
    ModelPlot.plotModel(nested(), png, options);
    BufferedImage img = PlotImages.read(png);
    assertTrue(img.getHeight() > 200);
    GraphLayout layout = GraphLayout.of(LayerGraph.of(nested(), options), options);
    assertEquals(4, layout.places().size());
    assertBoxesDrawn(img, layout, 1);
    // The dashed frame runs between the input's box and the first inner box.
    GraphLayout.Place x = layout.places().get(0);
    GraphLayout.Place i1 = layout.places().get(1);
    assertEquals("inner/i1", i1.id());
    int between = (int) ((x.y() + x.height() + i1.y()) / 2);
    assertTrue(PlotImages.count(img, 0, 90, (int) i1.x() - 30, between, (int) i1.width() + 60, (int) (i1.y() - between)) > 20,
        "cluster frame");
  }

  @Test
  void badRequestsAreRefused() {
    Sequential unbuilt = new Sequential(new Dense(2));
    assertThrows(PlotException.class, () -> ModelPlot.plotModel(unbuilt, dir.resolve("u.png"), BUILTIN));
    assertThrows(PlotException.class, () -> ModelPlot.plotModel(diamond(), dir.resolve("d.svg"), BUILTIN));
    assertThrows(PlotException.class, () -> Options.DEFAULT.withRankdir("BT"));
    // A title no image can hold at a readable resolution.
    Tensor in = Input.of(2);
    Functional wide = new Functional(in, named(new Dense(1), "d".repeat(40_000)).apply(in), "wide");
    PlotException e = assertThrows(PlotException.class, () -> ModelPlot.plotModel(wide, dir.resolve("w.png"), BUILTIN));
    assertTrue(e.getMessage().startsWith("The model's plot is too large"), e.getMessage());
  }

  @Test
  void graphvizRendererNeedsDot() {
    assumeTrue(Graphviz.findDot().isEmpty(), "dot is on the PATH");
    PlotException e = assertThrows(PlotException.class,
        () -> ModelPlot.plotModel(diamond(), dir.resolve("g.png"), Options.DEFAULT.withRenderer(Renderer.GRAPHVIZ)));
    assertTrue(e.getMessage().contains("'dot' is not on the PATH"), e.getMessage());
  }

  @Test
  void graphvizRendersTheDotWhenInstalled() throws Exception {
    assumeTrue(Graphviz.findDot().isPresent(), "Graphviz is not installed");
    Path png = dir.resolve("graphviz.png");
    ModelPlot.plotModel(nested(), png, Options.DEFAULT.withRenderer(Renderer.GRAPHVIZ).withDpi(72)
        .withShowShapes(true).withExpandNested(true));
    BufferedImage img = PlotImages.read(png);
    assertTrue(img.getWidth() > 100 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
  }

  /** Each box's black title is drawn where the layout puts it: its top left corner and its middle are dark. */
  static void assertBoxesDrawn(BufferedImage img, GraphLayout layout, double scale) {
    for (GraphLayout.Place p : layout.places()) {
      int x0 = (int) Math.round((p.x() + 2) * scale);
      int y0 = (int) Math.round((p.y() + 2) * scale);
      assertTrue(lum(img.getRGB(x0, y0)) < 60, p.id() + " top left at " + x0 + "," + y0);
      assertTrue(lum(img.getRGB((int) ((p.x() + p.width() - 2) * scale), y0)) < 60, p.id() + " top right");
      // Just above the box is background (or an arrow passing by, never the whole row).
      int above = (int) Math.round((p.y() - 3) * scale);
      double outside = PlotImages.inkFraction(img, x0, Math.max(0, above), (int) (p.width() * scale) - 4, 1);
      assertTrue(outside < 0.2, p.id() + " row above is " + outside + " ink");
    }
  }

  static int lum(int p) {
    return (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3;
  }
}
