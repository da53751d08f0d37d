package org.jeras.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.core.callbacks.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryChartTest {
  static {
    // CI has no display: the plots must draw with AWT headless.
    System.setProperty("java.awt.headless", "true");
  }

  private static final int TRAIN = 0x1f77b4;
  private static final int VALIDATION = 0xff7f0e;

  @TempDir
  Path dir;

  /** A history of {@code epochs} epochs: falling losses, rising accuracies, each with its val_ twin. */
  static History history(int epochs, String... metrics) {
    History h = new History();
    for (int e = 0; e < epochs; e++) {
      Map<String, Double> logs = new java.util.LinkedHashMap<>();
      for (String m : metrics) {
        double t = m.contains("loss") ? 1.0 / (e + 1) : 1 - 0.5 / (e + 1);
        logs.put(m, t);
        logs.put("val_" + m, t * (m.contains("loss") ? 1.2 : 0.9));
      }
      h.onEpochEnd(e, logs);
    }
    return h;
  }

  @Test
  void panelsPutLossFirstAndPairValidationKeys() {
    assertEquals(List.of("loss", "accuracy", "mae", "auc"),
        HistoryChart.panels(List.of("accuracy", "loss", "mae", "val_accuracy", "val_loss", "val_auc")));
    assertEquals(List.of("loss"), HistoryChart.panels(List.of("val_loss")));
  }

  @Test
  void onePanelPerMetricWithBothLines() throws Exception {
    assertTrue(GraphicsEnvironment.isHeadless());
    History h = history(12, "loss", "accuracy", "mae");
    Path png = dir.resolve("history.png");
    h.plot(png);
    BufferedImage img = PlotImages.read(png);
    assertEquals(3 * HistoryChart.PANEL_WIDTH, img.getWidth());
    assertEquals(HistoryChart.PANEL_HEIGHT, img.getHeight());
    // Each panel's frame has two long dark sides.
    assertEquals(2 * 3, PlotImages.darkVerticalRuns(img, HistoryChart.PANEL_HEIGHT / 2));
    for (int p = 0; p < 3; p++) {
      int x0 = p * HistoryChart.PANEL_WIDTH;
      assertTrue(PlotImages.count(img, TRAIN, 10, x0, 0, HistoryChart.PANEL_WIDTH, img.getHeight()) > 200, "train line in panel " + p);
      assertTrue(PlotImages.count(img, VALIDATION, 10, x0, 0, HistoryChart.PANEL_WIDTH, img.getHeight()) > 200, "validation line in panel " + p);
      double ink = PlotImages.inkFraction(img, x0, 0, HistoryChart.PANEL_WIDTH, img.getHeight());
      assertTrue(ink > 0.03 && ink < 0.4, "ink fraction " + ink);
    }
    assertTrue(PlotImages.colours(img) > 20);
  }

  @Test
  void manyMetricsWrapIntoRowsAtTheRequestedSize() throws Exception {
    History h = history(5, "loss", "a", "b", "c");
    Path png = dir.resolve("grid.png");
    h.plot(png, 900, 500);
    BufferedImage img = PlotImages.read(png);
    assertEquals(900, img.getWidth());
    assertEquals(500, img.getHeight());
    // Row 1: loss, a, b; row 2: c alone, so its right-hand cells stay blank.
    assertTrue(PlotImages.count(img, TRAIN, 10, 0, 250, 300, 250) > 100);
    assertEquals(0.0, PlotImages.inkFraction(img, 320, 260, 560, 230));
  }

  @Test
  void gapsAndMissingValidationAreDrawn() throws Exception {
    Map<String, List<Double>> logs = Map.of("loss", List.of(1.0, Double.NaN, 0.5, Double.POSITIVE_INFINITY, 0.2));
    BufferedImage img = HistoryChart.render(List.of(0, 1, 2, 3, 4), logs, 400, 300);
    assertTrue(PlotImages.count(img, TRAIN, 10, 0, 0, 400, 300) > 20);
    assertEquals(0, PlotImages.count(img, VALIDATION, 10, 0, 0, 400, 300));
  }

  @Test
  void badInputIsRefused() {
    assertThrows(PlotException.class, () -> new History().plot(dir.resolve("empty.png")));
    History h = history(3, "loss");
    assertThrows(PlotException.class, () -> h.plot(dir.resolve("history.jpg")));
    assertThrows(PlotException.class, () -> h.plot(dir.resolve("small.png"), 10, 10));
    assertThrows(PlotException.class,
        () -> HistoryChart.render(List.of(0), Map.of("loss", List.of(1.0, 2.0)), 400, 300));
    assertThrows(PlotException.class, () -> h.plot(dir.resolve("no/such/dir.png")));
  }
}
