package org.jeras.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jeras.core.layer.KerasHistory;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code model.summary()} table as Keras prints it to a non-terminal (76 columns): layer
 * (type), output shape, param #, and for graphs that are not a simple chain a "Connected to"
 * column; then the totals with their sizes in bytes.
 */
final class Summary {
  private static final int[] CHAIN_WIDTHS = {33, 24, 15};
  private static final int[] GRAPH_WIDTHS = {21, 19, 13, 19};

  private Summary() {}

  static String of(Model model) {
    boolean chain = isChain(model);
    List<String[]> rows = new ArrayList<>();
    for (Layer l : model.layers()) {
      String[] row = {l.name() + " (" + l.className() + ")", outputShape(l), String.format(Locale.US, "%,d", l.countParams())};
      if (!chain) {
        row = new String[] {row[0], row[1], row[2], connectedTo(l)};
      }
      rows.add(row);
    }
    String[] header = chain ? new String[] {"Layer (type)", "Output Shape", "Param #"}
        : new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
    int[] widths = (chain ? CHAIN_WIDTHS : GRAPH_WIDTHS).clone();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        for (String line : r[i].split("\n")) {
          widths[i] = Math.max(widths[i], line.length() + 2);
        }
      }
    }
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
    long total = 0;
    long totalBytes = 0;
    for (Variable v : model.weights()) {
      total += v.array().length();
      totalBytes += v.array().length() * v.array().dataType().width();
    }
    long trainable = 0;
    long trainableBytes = 0;
    for (Variable v : model.trainableWeights()) {
      trainable += v.array().length();
      trainableBytes += v.array().length() * v.array().dataType().width();
    }
    sb.append(String.format(Locale.US, " Total params: %,d (%s)%n", total, readable(totalBytes)));
    sb.append(String.format(Locale.US, " Trainable params: %,d (%s)%n", trainable, readable(trainableBytes)));
    sb.append(String.format(Locale.US, " Non-trainable params: %,d (%s)%n", total - trainable, readable(totalBytes - trainableBytes)));
    return sb.toString();
  }

  /** Keras's {@code sequential_like}: a Sequential, a subclassed model, or a graph without branches or shared layers. */
  private static boolean isChain(Model model) {
    if (!(model instanceof Functional f)) {
      return true;
    }
    Set<LayerNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Layer l : f.layers()) {
      int nodesHere = 0;
      for (LayerNode n : l.inboundNodes()) {
        if (n.args().allTensors().size() > 1) {
          return false;
        }
        if (seen.add(n)) {
          nodesHere++;
        }
      }
      if (nodesHere > 1 || (l instanceof InputLayer && f.inputs().size() > 1)) {
        return false;
      }
    }
    return true;
  }

  private static String connectedTo(Layer l) {
    if (l instanceof InputLayer || l.inboundNodes().isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    for (LayerNode n : l.inboundNodes()) {
      for (Tensor t : n.args().allTensors()) {
        KerasHistory h = t.history();
        if (h != null) {
          parts.add(h.layer().name() + "[" + h.nodeIndex() + "][" + h.tensorIndex() + "]");
        }
      }
    }
    return parts.isEmpty() ? "-" : String.join(",\n", parts);
  }

  private static String outputShape(Layer l) {
    List<LayerNode> nodes = l.inboundNodes();
    if (nodes.isEmpty()) {
      return "?";
    }
    List<Tensor> outs = nodes.get(0).outputs();
    if (outs.size() == 1) {
      return outs.get(0).shape().toString();
    }
    List<String> shapes = new ArrayList<>();
    for (Tensor t : outs) {
      shapes.add(t.shape().toString());
    }
    return "[" + String.join(", ", shapes) + "]";
  }

  private static String line(char left, char fill, char mid, char right, int[] widths) {
    StringBuilder sb = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      sb.append(String.valueOf(fill).repeat(widths[i])).append(i < widths.length - 1 ? mid : right);
    }
    return sb.append('\n').toString();
  }

  /** One table row; cells with several lines (Connected to) span several text lines. */
  private static String row(char border, String[] cells, int[] widths) {
    String[][] lines = new String[cells.length][];
    int height = 1;
    for (int i = 0; i < cells.length; i++) {
      lines[i] = cells[i].split("\n");
      height = Math.max(height, lines[i].length);
    }
    StringBuilder sb = new StringBuilder();
    for (int h = 0; h < height; h++) {
      sb.append(border);
      for (int i = 0; i < cells.length; i++) {
        String c = h < lines[i].length ? lines[i][h] : "";
        boolean right = i == 2;
        String padded = right
            ? " ".repeat(widths[i] - c.length() - 1) + c + " "
            : " " + c + " ".repeat(widths[i] - c.length() - 1);
        sb.append(padded).append(border);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Keras's {@code readable_memory_size}: bytes in B, KB, MB, ... with two decimals. */
  static String readable(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    for (String unit : units) {
      if (bytes / 1024 < 1) {
        return String.format(Locale.US, "%.2f %s", bytes, unit);
      }
      bytes /= 1024;
    }
    return String.format(Locale.US, "%.2f PB", bytes);
  }
}
