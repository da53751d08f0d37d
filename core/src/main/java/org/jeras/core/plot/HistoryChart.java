package org.jeras.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves as Keras users draw them with matplotlib: one panel per metric (loss first), the
 * epoch (1-based) along x, the training values ("train") and the {@code val_} values
 * ("validation") as two lines, the metric's name as the panel's title. Panels fill a grid of at
 * most {@value #MAX_COLUMNS} columns. Drawn with JFreeChart into an image, so no display is needed.
 */
public final class HistoryChart {
  /** Width of one panel in a plot of the default size. */
  public static final int PANEL_WIDTH = 480;
  /** Height of one panel in a plot of the default size. */
  public static final int PANEL_HEIGHT = 360;
  /** Most panels side by side; more metrics add rows. */
  public static final int MAX_COLUMNS = 3;

  private static final String VAL = "val_";
  // matplotlib's first two default colours (tab:blue, tab:orange), so plots look as users know them.
  private static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
  private static final Color VALIDATION = new Color(0xff, 0x7f, 0x0e);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  private HistoryChart() {}

  /**
   * The panels' metric names for these log keys: {@code loss} first, then the other training keys in
   * order, then {@code val_} keys that have no training twin (their name without the prefix).
   *
   * @param keys the log keys
   * @return the panels' metric names
   */
  public static List<String> panels(Collection<String> keys) {
    List<String> out = new ArrayList<>();
    if (keys.contains("loss") || keys.contains(VAL + "loss")) {
      out.add("loss");
    }
    for (String k : keys) {
      String metric = k.startsWith(VAL) ? k.substring(VAL.length()) : k;
      if (!out.contains(metric) && !(k.startsWith(VAL) && keys.contains(metric))) {
        out.add(metric);
      }
    }
    return out;
  }

  /**
   * Columns of the grid for {@code panels} panels.
   *
   * @param panels the number of panels
   * @return the number of columns
   */
  public static int columns(int panels) {
    return Math.max(1, Math.min(panels, MAX_COLUMNS));
  }

  /**
   * Rows of the grid for {@code panels} panels.
   *
   * @param panels the number of panels
   * @return the number of rows
   */
  public static int rows(int panels) {
    return Math.max(1, (panels + MAX_COLUMNS - 1) / MAX_COLUMNS);
  }

  /**
   * Writes the plot as PNG at the default size ({@value #PANEL_WIDTH} x {@value #PANEL_HEIGHT} per
   * panel). {@code epochs} are the 0-based epoch indices (as {@code History.epochs()}); value
   * {@code i} of each list belongs to {@code epochs.get(i)}; NaN or infinite values leave a gap.
   *
   * @param epochs the 0-based epoch indices
   * @param logs the logged values by key
   * @param png the PNG file to write
   */
  public static void write(List<Integer> epochs, Map<String, List<Double>> logs, Path png) {
    int n = panels(logs.keySet()).size();
    write(epochs, logs, png, columns(n) * PANEL_WIDTH, rows(n) * PANEL_HEIGHT);
  }

  /**
   * Writes the plot as a PNG of {@code width} x {@code height} pixels.
   *
   * @param epochs the 0-based epoch indices
   * @param logs the logged values by key
   * @param png the PNG file to write
   * @param width the image width in pixels
   * @param height the image height in pixels
   */
  public static void write(List<Integer> epochs, Map<String, List<Double>> logs, Path png, int width, int height) {
    PngFile.checkName(png);
    PngFile.write(render(epochs, logs, width, height), png);
  }

  /**
   * Draws the plot into a new RGB image of {@code width} x {@code height} pixels; throws
   * {@link PlotException} if there is nothing to plot or the size cannot hold the panels.
   *
   * @param epochs the 0-based epoch indices
   * @param logs the logged values by key
   * @param width the image width in pixels
   * @param height the image height in pixels
   * @return the image
   */
  public static BufferedImage render(List<Integer> epochs, Map<String, List<Double>> logs, int width, int height) {
    List<String> panels = panels(logs.keySet());
    if (panels.isEmpty() || epochs.isEmpty()) {
      throw new PlotException("Nothing to plot: the history has no epochs or no logged values");
    }
    for (Map.Entry<String, List<Double>> e : logs.entrySet()) {
      if (e.getValue().size() > epochs.size()) {
        throw new PlotException("'" + e.getKey() + "' has " + e.getValue().size() + " values for "
            + epochs.size() + " epochs");
      }
    }
    int cols = columns(panels.size());
    int rows = rows(panels.size());
    if (width < 100 * cols || height < 80 * rows || (long) width * height > 100_000_000L) {
      throw new PlotException("A plot of " + panels.size() + " panels needs at least " + 100 * cols + " x "
          + 80 * rows + " pixels and at most 100 megapixels; got " + width + " x " + height);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      for (int i = 0; i < panels.size(); i++) {
        int c = i % cols;
        int r = i / cols;
        // Integer cell edges so neighbouring panels neither overlap nor leave a seam.
        int x0 = c * width / cols;
        int y0 = r * height / rows;
        Rectangle2D area = new Rectangle2D.Double(x0, y0, (c + 1) * width / cols - x0, (r + 1) * height / rows - y0);
        chart(panels.get(i), epochs, logs).draw(g, area);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static JFreeChart chart(String metric, List<Integer> epochs, Map<String, List<Double>> logs) {
    Map<String, List<Double>> lines = new LinkedHashMap<>();
    if (logs.containsKey(metric)) {
      lines.put("train", logs.get(metric));
    }
    if (logs.containsKey(VAL + metric)) {
      lines.put("validation", logs.get(VAL + metric));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, epochs.size() <= 30);
    int s = 0;
    for (Map.Entry<String, List<Double>> line : lines.entrySet()) {
      XYSeries series = new XYSeries(line.getKey(), false, true);
      List<Double> values = line.getValue();
      for (int i = 0; i < values.size(); i++) {
        Double v = values.get(i);
        series.add(epochs.get(i) + 1, v == null || !Double.isFinite(v) ? Double.NaN : v);
      }
      data.addSeries(series);
      Color colour = line.getKey().equals("train") ? TRAIN : VALIDATION;
      renderer.setSeriesPaint(s, colour);
      renderer.setSeriesStroke(s, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
      s++;
    }
    NumberAxis x = new NumberAxis("epoch");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(metric);
    y.setAutoRangeIncludesZero(false);
    for (NumberAxis a : List.of(x, y)) {
      a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      a.setAxisLineVisible(false);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.BLACK);
    plot.setOutlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setTitle(new TextTitle(metric, new Font(Font.SANS_SERIF, Font.BOLD, 14)));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    plot.addAnnotation(legend(plot, falling(lines)));
    return chart;
  }

  /**
   * The legend inside the plot, in the corner the curves leave free: top right for values that fall
   * (losses), bottom right for values that rise (accuracies), as matplotlib's "best" mostly picks.
   */
  private static XYTitleAnnotation legend(XYPlot plot, boolean falling) {
    LegendTitle legend = new LegendTitle(plot, new ColumnArrangement(), new ColumnArrangement());
    legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    legend.setBackgroundPaint(new Color(255, 255, 255, 220));
    legend.setFrame(new BlockBorder(new Color(0xcc, 0xcc, 0xcc)));
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 4));
    return falling ? new XYTitleAnnotation(0.98, 0.98, legend, RectangleAnchor.TOP_RIGHT)
        : new XYTitleAnnotation(0.98, 0.02, legend, RectangleAnchor.BOTTOM_RIGHT);
  }

  /** Whether the first line ends lower than it starts (finite values only). */
  private static boolean falling(Map<String, List<Double>> lines) {
    List<Double> v = lines.values().iterator().next();
    Double first = null;
    Double last = null;
    for (Double d : v) {
      if (d != null && Double.isFinite(d)) {
        if (first == null) {
          first = d;
        }
        last = d;
      }
    }
    return first == null || last <= first;
  }
}
