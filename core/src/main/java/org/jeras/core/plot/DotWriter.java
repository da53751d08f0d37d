package org.jeras.core.plot;

import java.util.List;
import org.jeras.core.utils.ModelPlot;

/**
 * A {@link LayerGraph} as Graphviz DOT text, as Keras's {@code model_to_dot} builds it with pydot:
 * graph attributes {@code concentrate}, {@code dpi}, {@code rankdir}, {@code splines=ortho}; each box
 * an HTML-like table (black title row, white cells) with border 0; dashed clusters for expanded
 * models; arrows of pen width 2. Names come from model files, so every id and label is escaped.
 */
public final class DotWriter {
  private DotWriter() {}

  /**
   * The DOT text of {@code graph}.
   *
   * @param graph the layer graph
   * @param options the plot options
   * @return the DOT text
   */
  public static String write(LayerGraph graph, ModelPlot.Options options) {
    StringBuilder sb = new StringBuilder("digraph G {\n");
    sb.append("concentrate=True;\n");
    sb.append("dpi=").append(options.dpi()).append(";\n");
    sb.append("rankdir=").append(options.rankdir()).append(";\n");
    sb.append("splines=ortho;\n");
    sb.append("node [shape=record];\n");
    cluster(graph, "", sb);
    for (LayerGraph.Edge e : graph.edges()) {
      sb.append(quote(e.from())).append(" -> ").append(quote(e.to())).append(" [penwidth=2];\n");
    }
    return sb.append("}\n").toString();
  }

  /** The boxes and sub-clusters inside cluster {@code id} ("" for the top level). */
  private static void cluster(LayerGraph graph, String id, StringBuilder sb) {
    for (LayerGraph.Box b : graph.boxes()) {
      if (b.cluster().equals(id)) {
        sb.append(quote(b.id())).append(" [label=").append(label(b))
            .append(", fontname=Helvetica, border=0, margin=0];\n");
      }
    }
    for (LayerGraph.Cluster c : graph.clusters()) {
      if (c.parent().equals(id)) {
        sb.append("subgraph ").append(quote(c.id())).append(" {\n");
        sb.append("label=").append(quote(c.label())).append(";\n");
        sb.append("labeljust=l;\nstyle=dashed;\n");
        cluster(graph, c.id(), sb);
        sb.append("}\n");
      }
    }
  }

  /** Keras's {@code make_layer_label}: the title row, the activation's row, then one row of the box's cells. */
  static String label(LayerGraph.Box b) {
    StringBuilder sb = new StringBuilder("<<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" cellpadding=\"10\">");
    String rest = b.title().substring(b.boldTitle().length());
    sb.append("<tr><td colspan=\"").append(b.columns()).append("\" bgcolor=\"black\">")
        .append("<font point-size=\"16\" color=\"white\"><b>").append(html(b.boldTitle())).append("</b>")
        .append(html(rest)).append("</font></td></tr>");
    if (b.activation() != null) {
      sb.append("<tr><td bgcolor=\"white\" colspan=\"").append(b.columns()).append("\"><font point-size=\"14\">")
          .append("Activation: <b>").append(html(b.activation())).append("</b></font></td></tr>");
    }
    List<LayerGraph.Cell> cells = b.cells();
    if (!cells.isEmpty()) {
      sb.append("<tr>");
      for (LayerGraph.Cell c : cells) {
        boolean white = c.background().equals("white");
        sb.append("<td bgcolor=\"").append(c.background()).append("\"><font point-size=\"14\"")
            .append(white ? "" : " color=\"white\"").append(">").append(html(c.label()))
            .append("<b>").append(html(c.value())).append("</b></font></td>");
      }
      sb.append("</tr>");
    }
    return sb.append("</table>>").toString();
  }

  /** A DOT double-quoted id. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else {
        sb.append(Character.isISOControl(c) ? '\uFFFD' : c);
      }
    }
    return sb.append('"').toString();
  }

  /** Text inside an HTML-like label: markup characters as entities, control characters replaced. */
  static String html(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(Character.isISOControl(c) ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }
}
