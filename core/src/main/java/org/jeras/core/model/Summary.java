package org.jeras.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/** Keras's {@code model.summary()} table: layer (type), output shape, param #, then totals with bytes. */
final class Summary {
  private Summary() {}

  static String of(Model model) {
    boolean sequentialLike = model instanceof Sequential || !(model instanceof Functional);
    List<String[]> rows = new ArrayList<>();
    for (Layer l : model.layers()) {
      rows.add(new String[] {l.name() + " (" + l.className() + ")", outputShape(l), String.format(Locale.US, "%,d", l.countParams())});
    }
    int[] widths = sequentialLike ? new int[] {33, 24, 15} : new int[] {33, 24, 15};
    for (String[] r : rows) {
      for (int i = 0; i < 3; i++) {
        widths[i] = Math.max(widths[i], r[i].length() + 2);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Model: \"").append(model.name()).append("\"\n");
    sb.append(line('┏', '━', '┳', '┓', widths));
    sb.append(row('┃', new String[] {"Layer (type)", "Output Shape", "Param #"}, widths));
    sb.append(line('┡', '━', '╇', '┩', widths));
    for (int i = 0; i < rows.size(); i++) {
      sb.append(row('│', rows.get(i), widths));
      if (i < rows.size() - 1) {
        sb.append(line('├', '─', '┼', '┤', widths));
      }
    }
    sb.append(line('└', '─', '┴', '┘', widths));
    long total = 0;
    long trainable = 0;
    long totalBytes = 0;
    long trainableBytes = 0;
    for (Variable v : model.weights()) {
      long n = v.array().length();
      long bytes = n * v.array().dataType().width();
      total += n;
      totalBytes += bytes;
    }
    for (Variable v : model.trainableWeights()) {
      long n = v.array().length();
      trainable += n;
      trainableBytes += n * v.array().dataType().width();
    }
    sb.append(String.format(Locale.US, " Total params: %,d (%s)%n", total, readable(totalBytes)));
    sb.append(String.format(Locale.US, " Trainable params: %,d (%s)%n", trainable, readable(trainableBytes)));
    sb.append(String.format(Locale.US, " Non-trainable params: %,d (%s)%n", total - trainable, readable(totalBytes - trainableBytes)));
    return sb.toString();
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

  private static String row(char border, String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder().append(border);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      String padded = i == cells.length - 1
          ? " ".repeat(widths[i] - c.length() - 1) + c + " "
          : " " + c + " ".repeat(widths[i] - c.length() - 1);
      sb.append(padded).append(border);
    }
    return sb.append('\n').toString();
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
