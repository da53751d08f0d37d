package org.jeras.core.plot;

import static org.jeras.core.plot.BoxStyle.BORDER;
import static org.jeras.core.plot.BoxStyle.CELL;
import static org.jeras.core.plot.BoxStyle.CELL_BOLD;
import static org.jeras.core.plot.BoxStyle.CLUSTER;
import static org.jeras.core.plot.BoxStyle.COLOURS;
import static org.jeras.core.plot.BoxStyle.PAD;
import static org.jeras.core.plot.BoxStyle.TITLE;
import static org.jeras.core.plot.BoxStyle.TITLE_BOLD;
import static org.jeras.core.plot.BoxStyle.width;
import static org.jeras.core.plot.GraphLayout.CLUSTER_LABEL;
import static org.jeras.core.plot.GraphLayout.CLUSTER_PAD;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.utils.ModelPlot;

/**
 * Draws a {@link LayerGraph} without Graphviz, at the places of its {@link GraphLayout}: boxes
 * styled like Keras's labels (black title row, white cells), arrows straight or through the
 * waypoint lanes of the ranks they skip, dashed frames around expanded nested models. Points are
 * scaled by {@code dpi / 72} as Graphviz scales them, or less where that would exceed
 * {@link #MAX_PIXELS} or {@link #MAX_SIDE} (a deep model at Keras's 200 dpi), down to half a pixel
 * per point.
 */
public final class GraphPainter {
  /** Most pixels of an image; a graph that would need more is drawn at a lower resolution. */
  public static final long MAX_PIXELS = 64L << 20;
  /** Longest side of an image, in pixels. */
  public static final int MAX_SIDE = 30000;
  /** Lowest resolution a graph is shrunk to (pixels per point) before it is refused as too large. */
  private static final double MIN_SCALE = 0.5;

  private GraphPainter() {}

  /**
   * The graph drawn into a new RGB image at {@link #scale}; throws {@link PlotException} if even
   * half a pixel per point would exceed the limits.
   *
   * @param graph the layer graph
   * @param options the plot options
   * @return the image
   */
  public static BufferedImage paint(LayerGraph graph, ModelPlot.Options options) {
    boolean lr = options.rankdir().equals("LR");
    GraphLayout a = GraphLayout.of(graph, options);
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
   *
   * @param width the drawing's width in points
   * @param height its height in points
   * @param dpi the requested resolution
   * @return pixels per point
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
    if (b.activation() != null) {
      cell(g, new LayerGraph.Cell(Placed.ACTIVATION, b.activation(), "white"), cx, cy, p.w - 2 * BORDER, p.activationH);
      cy += p.activationH;
    }
    for (int i = 0; i < p.cellW.length; i++) {
      cell(g, b.cells().get(i), cx, cy, p.cellW[i], p.cellH);
      cx += p.cellW[i];
    }
  }

  /** One cell at (x, y) of width w and height h: its background, then plain label and bold value centred. */
  private static void cell(Graphics2D g, LayerGraph.Cell c, double x, double y, double w, double h) {
    FontRenderContext frc = g.getFontRenderContext();
    Color bg = COLOURS.getOrDefault(c.background(), Color.WHITE);
    g.setColor(bg);
    // One point of black between cells and around them, as Graphviz's cellborder.
    g.fill(new Rectangle2D.Double(x + BORDER, y, w - 2 * BORDER, h - BORDER));
    g.setColor(bg.equals(Color.WHITE) ? Color.BLACK : Color.WHITE);
    double textW = width(c.label(), CELL, frc) + width(c.value(), CELL_BOLD, frc);
    float tx = (float) (x + (w - textW) / 2);
    float ty = (float) (y + PAD + CELL_BOLD.getLineMetrics("Ag", frc).getAscent());
    g.setFont(CELL);
    g.drawString(c.label(), tx, ty);
    g.setFont(CELL_BOLD);
    g.drawString(c.value(), (float) (tx + width(c.label(), CELL, frc)), ty);
  }
}
