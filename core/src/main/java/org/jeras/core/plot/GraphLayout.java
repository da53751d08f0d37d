package org.jeras.core.plot;

import java.awt.font.FontRenderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.utils.ModelPlot;

/**
 * The built-in layout of a {@link LayerGraph}: boxes in ranks by longest path from the sources (top
 * to bottom, or left to right for {@code rankdir="LR"}), each rank centred, its boxes side by side in
 * the order of their parents; an arrow that skips ranks gets a waypoint lane in each rank between;
 * gaps and margins grow with the nesting of expanded models so their frames fit. In points.
 */
public final class GraphLayout {
  static final double RANK_GAP = 44;
  static final double NODE_GAP = 28;
  static final double MARGIN = 12;
  /** Space between an expanded model's frame and its boxes. */
  static final double CLUSTER_PAD = 10;
  /** Height of an expanded model's name above its boxes. */
  static final double CLUSTER_LABEL = 20;

  /** Where a box is drawn, in points from the top left corner of the drawing. */
  public record Place(String id, double x, double y, double width, double height) {}

  private final List<Placed> placed;
  private final Map<String, Placed> byId;
  private final List<List<Placed>> routes;
  private final int depth;
  private final double width;
  private final double height;

  private GraphLayout(List<Placed> placed, Map<String, Placed> byId, List<List<Placed>> routes, int depth,
      double width, double height) {
    this.placed = placed;
    this.byId = byId;
    this.routes = routes;
    this.depth = depth;
    this.width = width;
    this.height = height;
  }

  /**
   * Lays out {@code graph} for {@code options.rankdir()}.
   *
   * @param graph the layer graph
   * @param options the plot options
   * @return the layout
   */
  public static GraphLayout of(LayerGraph graph, ModelPlot.Options options) {
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
    return new GraphLayout(placed, byId, routes, depth, lr ? totalAlong : totalAcross, lr ? totalAcross : totalAlong);
  }

  /** {@return the boxes' places, in the graph's order} */
  public List<Place> places() {
    List<Place> out = new ArrayList<>();
    for (Placed p : placed) {
      out.add(new Place(p.box.id(), p.x, p.y, p.w, p.h));
    }
    return out;
  }

  /**
   * Width of the drawing in points.
   *
   * @return the width
   */
  public double width() {
    return width;
  }

  /**
   * Height of the drawing in points.
   *
   * @return the height
   */
  public double height() {
    return height;
  }

  /** The boxes as placed, in the graph's order. */
  List<Placed> placed() {
    return Collections.unmodifiableList(placed);
  }

  /** The box of each id. */
  Map<String, Placed> byId() {
    return byId;
  }

  /** Each arrow's points: its source, the waypoints of the ranks it crosses, its target. */
  List<List<Placed>> routes() {
    return routes;
  }

  /** How deep expanded models nest (0 without any). */
  int depth() {
    return depth;
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
}
