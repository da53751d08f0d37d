package org.jeras.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.utils.ModelPlot;

/**
 * Draws a {@link LayerGraph} without Graphviz: boxes styled like Keras's labels (black title row,
 * white cells), placed in layers by longest path from the sources (top to bottom, or left to right
 * for {@code rankdir="LR"}), the boxes of a layer side by side in the order of their parents,
 * straight arrows, and dashed frames around expanded nested models. Lengths are in points, scaled
 * by {@code dpi / 72} as Graphviz scales them, or less where that would exceed {@link #MAX_PIXELS}
 * or {@link #MAX_SIDE} (a deep model at Keras's 200 dpi), down to half a pixel per point.
 */
public final class GraphPainter {
  /** Most pixels of an image; a graph that would need more is drawn at a lower resolution. */
  public static final long MAX_PIXELS = 64L << 20;
  /** Longest side of an image, in pixels. */
  public static final int MAX_SIDE = 30000;
  /** Lowest resolution a graph is shrunk to (pixels per point) before it is refused as too large. */
  private static final double MIN_SCALE = 0.5;

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  private static final Font TITLE_BOLD = TITLE.deriveFont(Font.BOLD);
  private static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font CELL_BOLD = CELL.deriveFont(Font.BOLD);
  private static final Font CLUSTER = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final double PAD = 10;
  private static final double BORDER = 1;
  private static final double RANK_GAP = 44;
  private static final double NODE_GAP = 28;
  private static final double MARGIN = 12;
  private static final double CLUSTER_PAD = 10;
  private static final double CLUSTER_LABEL = 20;
  /** Width of the lane a long arrow takes through a rank it crosses. */
  private static final double LANE = 12;
  private static final Map<String, Color> COLOURS = Map.of("white", Color.WHITE,
      LayerGraph.TRAINABLE, new Color(0x22, 0x8b, 0x22), LayerGraph.NON_TRAINABLE, new Color(0xb2, 0x22, 0x22));

  /** A box's size and place (top left corner), with its cells' widths. */
  private static final class Placed {
    final LayerGraph.Box box;
    final double titleH;
    final double cellH;
    final double[] cellW;
    double w;
    double h;
    double x;
    double y;
    int rank;
    double order;

    Placed(LayerGraph.Box box, FontRenderContext frc) {
      this.box = box;
      String rest = box.title().substring(box.boldTitle().length());
      double titleW = width(box.boldTitle(), TITLE_BOLD, frc) + width(rest, TITLE, frc) + 2 * PAD;
      titleH = height(TITLE_BOLD, frc) + 2 * PAD;
      cellW = new double[box.cells().size()];
      double cellsW = 0;
      for (int i = 0; i < cellW.length; i++) {
        LayerGraph.Cell c = box.cells().get(i);
        cellW[i] = width(c.label(), CELL, frc) + width(c.value(), CELL_BOLD, frc) + 2 * PAD;
        cellsW += cellW[i];
      }
      cellH = cellW.length == 0 ? 0 : height(CELL_BOLD, frc) + 2 * PAD;
      w = Math.max(titleW, cellsW) + 2 * BORDER;
      // As Graphviz's table, cells share out the width the title row leaves over.
      for (int i = 0; i < cellW.length; i++) {
        cellW[i] += (w - 2 * BORDER - cellsW) / cellW.length;
      }
      h = titleH + cellH + 2 * BORDER;
    }

    /** A waypoint of a long arrow in {@code rank}: a narrow lane the boxes of the rank leave free. */
    Placed(int rank, boolean lr) {
      box = null;
      titleH = 0;
      cellH = 0;
      cellW = new double[0];
      w = lr ? 0 : LANE;
      h = lr ? LANE : 0;
      this.rank = rank;
    }
  }

  private GraphPainter() {}

  /** Where a box is drawn, in points from the top left corner of the image. */
  public record Place(String id, double x, double y, double width, double height) {}

  /** The boxes' places and the size of the whole drawing, in points (1/72 inch). */
  public record Layout(List<Place> places, double width, double height) {}

  /** The graph's layout, before scaling by the dpi. */
  public static Layout layout(LayerGraph graph, ModelPlot.Options options) {
    Arranged a = arrange(graph, options);
    List<Place> places = new ArrayList<>();
    for (Placed p : a.placed()) {
      places.add(new Place(p.box.id(), p.x, p.y, p.w, p.h));
    }
    return new Layout(places, a.width(), a.height());
  }

  /** The placed boxes and the drawing's size in points. */
  private record Arranged(List<Placed> placed, Map<String, Placed> byId, List<List<Placed>> routes, int depth,
      double width, double height) {}

  private static Arranged arrange(LayerGraph graph, ModelPlot.Options options) {
    boolean lr = options.rankdir().equals("LR");
    FontRenderContext frc = new FontRenderContext(null, true, true);
    Map<String, Placed> byId = new HashMap<>();
    List<Placed> placed = new ArrayList<>();
    for (LayerGraph.Box b : graph.boxes()) {
      Placed p = new Placed(b, frc);
      placed.add(p);
      byId.put(b.id(), p);
    }
    List<List<Placed>> routes = new ArrayList<>();
    List<List<Placed>> ranks = rank(placed, graph.edges(), byId, lr, routes);
    int depth = clusterDepth(graph);
    double rankGap = RANK_GAP + depth * (CLUSTER_PAD + CLUSTER_LABEL);
    double nodeGap = NODE_GAP + 2 * depth * CLUSTER_PAD;
    double margin = MARGIN + depth * (CLUSTER_PAD + CLUSTER_LABEL);
    // Along the ranks (y for TB) each rank takes its tallest box; across, each rank is centred.
    double along = margin;
    double widest = 0;
    for (List<Placed> rank : ranks) {
      double across = 0;
      double thick = 0;
      for (Placed p : rank) {
        across += (lr ? p.h : p.w) + (across > 0 ? nodeGap : 0);
        thick = Math.max(thick, lr ? p.w : p.h);
      }
      widest = Math.max(widest, across);
      for (Placed p : rank) {
        if (p.box == null) {
          // A waypoint spans its rank's band, so its arrow runs straight through it.
          if (lr) {
            p.x = along;
            p.w = thick;
          } else {
            p.y = along;
            p.h = thick;
          }
        } else if (lr) {
          p.x = along + (thick - p.w) / 2;
        } else {
          p.y = along + (thick - p.h) / 2;
        }
      }
      along += thick + rankGap;
    }
    double totalAlong = along - rankGap + margin;
    for (List<Placed> rank : ranks) {
      double size = 0;
      for (Placed p : rank) {
        size += (lr ? p.h : p.w) + (size > 0 ? nodeGap : 0);
      }
      double pos = margin + (widest - size) / 2;
      for (Placed p : rank) {
        if (lr) {
          p.y = pos;
          pos += p.h + nodeGap;
        } else {
          p.x = pos;
          pos += p.w + nodeGap;
        }
      }
    }
    double totalAcross = widest + 2 * margin;
    return new Arranged(placed, byId, routes, depth, lr ? totalAlong : totalAcross, lr ? totalAcross : totalAlong);
  }

  /**
   * The graph drawn into a new RGB image at {@link #scale}; throws {@link PlotException} if even
   * half a pixel per point would exceed the limits.
   */
  public static BufferedImage paint(LayerGraph graph, ModelPlot.Options options) {
    boolean lr = options.rankdir().equals("LR");
    Arranged a = arrange(graph, options);
    List<Placed> placed = a.placed();
    Map<String, Placed> byId = a.byId();
    int depth = a.depth();
    double scale = scale(a.width(), a.height(), options.dpi());
    double width = a.width() * scale;
    double height = a.height() * scale;
    BufferedImage image = new BufferedImage((int) Math.ceil(width), (int) Math.ceil(height), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.scale(scale, scale);
      drawClusters(g, graph, byId, "", 0, depth);
      drawEdges(g, a.routes(), lr);
      for (Placed p : placed) {
        drawBox(g, p);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Pixels per point for a drawing of {@code width} x {@code height} points: {@code dpi / 72}, less
   * if the image would exceed {@link #MAX_PIXELS} or {@link #MAX_SIDE}; a {@link PlotException}
   * if that is below half a pixel per point (text would be unreadable).
   */
  public static double scale(double width, double height, int dpi) {
    double fit = Math.min(Math.sqrt(MAX_PIXELS / (width * height)), Math.min(MAX_SIDE / width, MAX_SIDE / height));
    double scale = Math.min(dpi / 72.0, fit);
    if (scale < MIN_SCALE) {
      throw new PlotException(String.format("The model's plot is too large: %.0f x %.0f points would exceed %d x %d"
          + " pixels (or %d megapixels) even at %.0f dpi", width, height, MAX_SIDE, MAX_SIDE, MAX_PIXELS >> 20, MIN_SCALE * 72));
    }
    return scale;
  }

  /**
   * Longest-path layering (a box one rank below its lowest parent), in topological order; boxes in
   * a cycle (not possible in a functional graph) are put after the rest. An arrow spanning several
   * ranks gets a waypoint in each rank between (so it passes beside the boxes there, not through
   * them); {@code routes} receives each arrow's points. Within a rank, boxes and waypoints are
   * ordered by the mean order of their parents, ties in the graph's order.
   */
  private static List<List<Placed>> rank(List<Placed> placed, List<LayerGraph.Edge> edges, Map<String, Placed> byId,
      boolean lr, List<List<Placed>> routes) {
    Map<Placed, List<Placed>> children = new HashMap<>();
    Map<Placed, Integer> indegree = new HashMap<>();
    for (Placed p : placed) {
      children.put(p, new ArrayList<>());
      indegree.put(p, 0);
    }
    for (LayerGraph.Edge e : edges) {
      Placed a = byId.get(e.from());
      Placed b = byId.get(e.to());
      if (a != b) {
        children.get(a).add(b);
        indegree.merge(b, 1, Integer::sum);
      }
    }
    Deque<Placed> ready = new ArrayDeque<>();
    for (Placed p : placed) {
      if (indegree.get(p) == 0) {
        ready.add(p);
      }
    }
    Set<Placed> done = new HashSet<>();
    while (!ready.isEmpty()) {
      Placed p = ready.poll();
      done.add(p);
      for (Placed c : children.get(p)) {
        c.rank = Math.max(c.rank, p.rank + 1);
        if (indegree.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    int maxRank = placed.stream().filter(done::contains).mapToInt(p -> p.rank).max().orElse(-1);
    for (Placed p : placed) {
      if (!done.contains(p)) {
        p.rank = ++maxRank;
      }
    }
    List<List<Placed>> ranks = new ArrayList<>();
    for (int r = 0; r <= maxRank; r++) {
      ranks.add(new ArrayList<>());
    }
    for (Placed p : placed) {
      ranks.get(p.rank).add(p);
    }
    Map<Placed, List<Placed>> parents = new HashMap<>();
    for (LayerGraph.Edge e : edges) {
      Placed a = byId.get(e.from());
      Placed b = byId.get(e.to());
      if (a == b) {
        continue;
      }
      List<Placed> route = new ArrayList<>();
      route.add(a);
      for (int r = a.rank + 1; r < b.rank; r++) {
        Placed waypoint = new Placed(r, lr);
        ranks.get(r).add(waypoint);
        route.add(waypoint);
      }
      route.add(b);
      for (int i = 1; i < route.size(); i++) {
        parents.computeIfAbsent(route.get(i), k -> new ArrayList<>()).add(route.get(i - 1));
      }
      routes.add(route);
    }
    for (List<Placed> rank : ranks) {
      for (int i = 0; i < rank.size(); i++) {
        Placed p = rank.get(i);
        // Only parents in earlier ranks have their final order by now.
        final int index = i;
        p.order = parents.getOrDefault(p, List.of()).stream().filter(q -> q.rank < p.rank)
            .mapToDouble(q -> q.order).average().orElse(index);
      }
      List<Placed> byGraphOrder = new ArrayList<>(rank);
      rank.sort(Comparator.comparingDouble((Placed p) -> p.order)
          .thenComparing(p -> p.box == null ? "" : p.box.cluster())
          .thenComparingInt(byGraphOrder::indexOf));
      for (int i = 0; i < rank.size(); i++) {
        rank.get(i).order = i;
      }
    }
    ranks.removeIf(List::isEmpty);
    return ranks;
  }

  private static int clusterDepth(LayerGraph graph) {
    Map<String, String> parent = new HashMap<>();
    graph.clusters().forEach(c -> parent.put(c.id(), c.parent()));
    int max = 0;
    for (String id : parent.keySet()) {
      int d = 0;
      for (String c = id; !c.isEmpty() && d <= parent.size(); c = parent.getOrDefault(c, "")) {
        d++;
      }
      max = Math.max(max, d);
    }
    return max;
  }

  /** Dashed frames around the boxes of each expanded model (inner frames inside outer ones). */
  private static Rectangle2D drawClusters(Graphics2D g, LayerGraph graph, Map<String, Placed> byId, String id,
      int level, int depth) {
    Rectangle2D bounds = null;
    for (LayerGraph.Cluster c : graph.clusters()) {
      if (c.parent().equals(id) && level < depth) {
        Rectangle2D inner = drawClusters(g, graph, byId, c.id(), level + 1, depth);
        if (inner == null) {
          continue;
        }
        Rectangle2D frame = new Rectangle2D.Double(inner.getX() - CLUSTER_PAD, inner.getY() - CLUSTER_PAD - CLUSTER_LABEL,
            inner.getWidth() + 2 * CLUSTER_PAD, inner.getHeight() + 2 * CLUSTER_PAD + CLUSTER_LABEL);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        g.draw(frame);
        g.setFont(CLUSTER);
        g.drawString(c.label(), (float) (frame.getX() + 6), (float) (frame.getY() + CLUSTER_LABEL - 4));
        bounds = union(bounds, frame);
      }
    }
    for (Placed p : byId.values()) {
      if (p.box.cluster().equals(id) && !id.isEmpty()) {
        bounds = union(bounds, new Rectangle2D.Double(p.x, p.y, p.w, p.h));
      }
    }
    return bounds;
  }

  private static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
    if (a == null) {
      return b;
    }
    Rectangle2D u = new Rectangle2D.Double();
    Rectangle2D.union(a, b, u);
    return u;
  }

  /**
   * Arrows from the exit side of the source to the entry side of the target, straight, or through
   * the waypoints of the ranks a long arrow crosses; several arrows on one side of a box are spread
   * along it in the order of their next points.
   */
  private static void drawEdges(Graphics2D g, List<List<Placed>> routes, boolean lr) {
    Map<Placed, List<Placed>> outs = new HashMap<>();
    Map<Placed, List<Placed>> ins = new HashMap<>();
    for (List<Placed> r : routes) {
      outs.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(1));
      ins.computeIfAbsent(r.get(r.size() - 1), k -> new ArrayList<>()).add(r.get(r.size() - 2));
    }
    Comparator<Placed> across = Comparator.comparingDouble(p -> lr ? p.y + p.h / 2 : p.x + p.w / 2);
    outs.values().forEach(l -> l.sort(across));
    ins.values().forEach(l -> l.sort(across));
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    for (List<Placed> r : routes) {
      Placed a = r.get(0);
      Placed b = r.get(r.size() - 1);
      double fa = fraction(outs.get(a).indexOf(r.get(1)), outs.get(a).size());
      double fb = fraction(ins.get(b).indexOf(r.get(r.size() - 2)), ins.get(b).size());
      Path2D line = new Path2D.Double();
      line.moveTo(lr ? a.x + a.w : a.x + a.w * fa, lr ? a.y + a.h * fa : a.y + a.h);
      for (Placed w : r.subList(1, r.size() - 1)) {
        if (lr) {
          line.lineTo(w.x, w.y + w.h / 2);
          line.lineTo(w.x + w.w, w.y + w.h / 2);
        } else {
          line.lineTo(w.x + w.w / 2, w.y);
          line.lineTo(w.x + w.w / 2, w.y + w.h);
        }
      }
      Point2D last = line.getCurrentPoint();
      arrow(g, line, last.getX(), last.getY(), lr ? b.x : b.x + b.w * fb, lr ? b.y + b.h * fb : b.y);
    }
  }

  private static double fraction(int index, int count) {
    return (index + 1.0) / (count + 1.0);
  }

  /** Draws {@code path} on to its last segment, from (x1, y1) to (x2, y2), ending in a filled head. */
  private static void arrow(Graphics2D g, Path2D path, double x1, double y1, double x2, double y2) {
    double len = Math.hypot(x2 - x1, y2 - y1);
    if (len < 1e-6) {
      return;
    }
    double ux = (x2 - x1) / len;
    double uy = (y2 - y1) / len;
    double head = 10;
    double half = 4.5;
    path.lineTo(x2 - ux * head, y2 - uy * head);
    g.draw(path);
    Path2D tip = new Path2D.Double();
    tip.moveTo(x2, y2);
    tip.lineTo(x2 - ux * head - uy * half, y2 - uy * head + ux * half);
    tip.lineTo(x2 - ux * head + uy * half, y2 - uy * head - ux * half);
    tip.closePath();
    g.fill(tip);
  }

  /** Keras's label: a black table, the title in white, each cell a white (or coloured) box. */
  private static void drawBox(Graphics2D g, Placed p) {
    g.setColor(Color.BLACK);
    g.fill(new Rectangle2D.Double(p.x, p.y, p.w, p.h));
    LayerGraph.Box b = p.box;
    String rest = b.title().substring(b.boldTitle().length());
    FontRenderContext frc = g.getFontRenderContext();
    double textW = width(b.boldTitle(), TITLE_BOLD, frc) + width(rest, TITLE, frc);
    float tx = (float) (p.x + (p.w - textW) / 2);
    float ty = (float) (p.y + BORDER + PAD + TITLE_BOLD.getLineMetrics("Ag", frc).getAscent());
    g.setColor(Color.WHITE);
    g.setFont(TITLE_BOLD);
    g.drawString(b.boldTitle(), tx, ty);
    g.setFont(TITLE);
    g.drawString(rest, (float) (tx + width(b.boldTitle(), TITLE_BOLD, frc)), ty);
    double cx = p.x + BORDER;
    double cy = p.y + BORDER + p.titleH;
    for (int i = 0; i < p.cellW.length; i++) {
      LayerGraph.Cell c = b.cells().get(i);
      Color bg = COLOURS.getOrDefault(c.background(), Color.WHITE);
      g.setColor(bg);
      // One point of black between cells and around them, as Graphviz's cellborder.
      g.fill(new Rectangle2D.Double(cx + BORDER, cy, p.cellW[i] - 2 * BORDER, p.cellH - BORDER));
      g.setColor(bg.equals(Color.WHITE) ? Color.BLACK : Color.WHITE);
      double w = width(c.label(), CELL, frc) + width(c.value(), CELL_BOLD, frc);
      float x = (float) (cx + (p.cellW[i] - w) / 2);
      float y = (float) (cy + PAD + CELL_BOLD.getLineMetrics("Ag", frc).getAscent());
      g.setFont(CELL);
      g.drawString(c.label(), x, y);
      g.setFont(CELL_BOLD);
      g.drawString(c.value(), (float) (x + width(c.label(), CELL, frc)), y);
      cx += p.cellW[i];
    }
  }

  private static double width(String s, Font f, FontRenderContext frc) {
    return s.isEmpty() ? 0 : f.getStringBounds(s, frc).getWidth();
  }

  private static double height(Font f, FontRenderContext frc) {
    LineMetrics m = f.getLineMetrics("Ag", frc);
    return m.getAscent() + m.getDescent();
  }
}
