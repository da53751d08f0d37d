package org.jeras.core.model;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jeras.core.config.Config;
import org.jeras.core.layer.KerasHistory;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code model.summary()} as Keras prints it to a non-terminal (an 80-column console, so
 * a 76-column table drawn by rich): layer (type), output shape, param #, and for graphs that are
 * not a simple chain a "Connected to" column; cells wrap at spaces within fixed column widths;
 * then the totals with their sizes in bytes, optimizer variables included once it is built.
 */
final class Summary {
  /*
   * rich's widths (text plus one space each side) for Keras's column positions at 76 columns:
   * [0.45, 0.80, 1.0] and [0.3, 0.56, 0.74, 1.0], shrunk evenly to fit the table's borders.
   */
  private static final int[] CHAIN_WIDTHS = {33, 24, 15};
  private static final int[] GRAPH_WIDTHS = {21, 19, 12, 19};
  private static final Pattern WORD = Pattern.compile("\\s*\\S+\\s*");

  private Summary() {}

  static String of(Model model) {
    boolean chain = isChain(model);
    Set<LayerNode> graphNodes = Collections.newSetFromMap(new IdentityHashMap<>());
    if (model instanceof Functional f) {
      graphNodes.addAll(f.nodeDepths().keySet());
    }
    List<String[]> rows = new ArrayList<>();
    for (Layer l : model instanceof Functional f ? f.operations() : model.layers()) {
      String params = l.isBuilt() ? String.format(Locale.US, "%,d", l.countParams()) : "0 (unbuilt)";
      String[] row = {l.name() + " (" + l.className() + ")", outputShape(l), params};
      if (!chain) {
        row = new String[] {row[0], row[1], row[2], connectedTo(l, graphNodes)};
      }
      rows.add(row);
    }
    String[] header = chain ? new String[] {"Layer (type)", "Output Shape", "Param #"}
        : new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
    int[] widths = chain ? CHAIN_WIDTHS : GRAPH_WIDTHS;
    StringBuilder sb = new StringBuilder();
    sb.append("Model: \"").append(model.name()).append("\"\n");
    sb.append(line('┏', '━', '┳', '┓', widths));
    sb.append(row('┃', header, widths));
    sb.append(line('┡', '━', '╇', '┩', widths));
    for (int i = 0; i < rows.size(); i++) {
      sb.append(row('│', rows.get(i), widths));
      if (i < rows.size() - 1) {
        sb.append(line('├', '─', '┼', '┤', widths));
      }
    }
    sb.append(line('└', '─', '┴', '┘', widths));
    long[] trainable = count(model.trainableWeights());
    long[] all = count(model.weights());
    boolean optimizerBuilt = model.isCompiled() && model.optimizer() != null && model.optimizer().isBuilt();
    long[] optimizer = optimizerBuilt ? count(model.optimizer().variables()) : new long[2];
    sb.append(totals(" Total params: ", all[0] + optimizer[0], all[1] + optimizer[1]));
    sb.append(totals(" Trainable params: ", trainable[0], trainable[1]));
    sb.append(totals(" Non-trainable params: ", all[0] - trainable[0], all[1] - trainable[1]));
    if (optimizerBuilt) {
      sb.append(totals(" Optimizer params: ", optimizer[0], optimizer[1]));
    }
    return sb.toString();
  }

  /** {@code {elements, bytes}} of {@code vars}. */
  private static long[] count(List<Variable> vars) {
    long[] c = new long[2];
    for (Variable v : vars) {
      c[0] += v.array().length();
      c[1] += v.array().length() * v.array().dataType().width();
    }
    return c;
  }

  private static String totals(String label, long count, long bytes) {
    return String.format(Locale.US, "%s%,d (%s)\n", label, count, readable(bytes));
  }

  /**
   * Keras's {@code sequential_like}: a Sequential or subclassed model, or a graph with one node at
   * each depth, each taking one tensor, and no layer called twice in it.
   */
  private static boolean isChain(Model model) {
    if (!(model instanceof Functional f)) {
      return true;
    }
    Map<Integer, Integer> nodesAtDepth = new HashMap<>();
    for (Map.Entry<LayerNode, Integer> e : f.nodeDepths().entrySet()) {
      if (nodesAtDepth.merge(e.getValue(), 1, Integer::sum) > 1 || e.getKey().args().flatTensors().size() > 1) {
        return false;
      }
    }
    for (Layer l : f.operations()) {
      if (l.inboundNodes().stream().filter(f.nodeDepths()::containsKey).count() > 1) {
        return false;
      }
    }
    return true;
  }

  private static String connectedTo(Layer l, Set<LayerNode> graphNodes) {
    List<String> parts = new ArrayList<>();
    for (LayerNode n : l.inboundNodes()) {
      if (!graphNodes.contains(n)) {
        continue;
      }
      for (Tensor t : n.args().flatTensors()) {
        KerasHistory h = t.history();
        if (h != null) {
          parts.add(h.layer().name() + "[" + h.nodeIndex() + "][" + h.tensorIndex() + "]");
        }
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  /**
   * Keras's {@code format_layer_shape}: the outputs of the layer's last call, else the output for
   * the shape it was built with, else "?".
   */
  private static String outputShape(Layer l) {
    List<LayerNode> nodes = l.inboundNodes();
    List<Shape> shapes = new ArrayList<>();
    if (!nodes.isEmpty()) {
      nodes.get(nodes.size() - 1).outputs().forEach(t -> shapes.add(t.shape()));
    } else {
      JsonObject bc = l.getBuildConfig();
      if (bc == null || !bc.has("input_shape") || !bc.get("input_shape").isJsonArray()) {
        return "?";
      }
      try {
        shapes.add(l.computeOutputShape(Config.toShape("input_shape", bc.get("input_shape"))));
      } catch (RuntimeException e) {
        return "?";
      }
    }
    List<String> texts = new ArrayList<>();
    for (Shape s : shapes) {
      List<String> dims = new ArrayList<>();
      for (long d : s.dims()) {
        dims.add(d == Shape.UNKNOWN ? "None" : Long.toString(d));
      }
      texts.add("(" + String.join(", ", dims) + ")");
    }
    return texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
  }

  private static String line(char left, char fill, char mid, char right, int[] widths) {
    StringBuilder sb = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      sb.append(String.valueOf(fill).repeat(widths[i])).append(i < widths.length - 1 ? mid : right);
    }
    return sb.append('\n').toString();
  }

  /** One table row; a cell too long for its column wraps onto more text lines, as rich wraps it. */
  private static String row(char border, String[] cells, int[] widths) {
    List<List<String>> lines = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.length; i++) {
      lines.add(wrap(cells[i], widths[i] - 2));
      height = Math.max(height, lines.get(i).size());
    }
    StringBuilder sb = new StringBuilder();
    for (int h = 0; h < height; h++) {
      sb.append(border);
      for (int i = 0; i < cells.length; i++) {
        String c = h < lines.get(i).size() ? lines.get(i).get(h) : "";
        String pad = " ".repeat(widths[i] - 2 - c.length());
        sb.append(' ').append(i == 2 ? pad + c : c + pad).append(' ').append(border);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * rich's word wrap: words (with their trailing spaces) fill a line while their text fits; a
   * word longer than a whole line gets a line of its own, cut to the width with an ellipsis;
   * lines lose trailing spaces.
   */
  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    List<Integer> breaks = new ArrayList<>();
    int offset = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      int start = m.start();
      String word = m.group();
      int length = word.stripTrailing().length();
      if (width - offset >= length) {
        offset += word.length();
      } else if (length > width || offset > 0) {
        if (start > 0) {
          breaks.add(start);
        }
        offset = word.length();
      }
    }
    int from = 0;
    breaks.add(text.length());
    for (int b : breaks) {
      String line = text.substring(from, b).stripTrailing();
      out.add(line.length() > width ? line.substring(0, width - 1) + "…" : line);
      from = b;
    }
    return out;
  }

  /** Keras's {@code readable_memory_size}: bytes in B, KB, MB, ... with two decimals. */
  static String readable(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    int unit = 0;
    while (unit < units.length - 1 && bytes / 1024 >= 1) {
      bytes /= 1024;
      unit++;
    }
    // Python's "%.2f" rounds the exact binary value, ties to even (1.125 -> "1.12").
    return new BigDecimal(bytes).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + units[unit];
  }

}
