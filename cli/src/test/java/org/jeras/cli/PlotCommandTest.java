package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.callbacks.CsvLogger;
import org.jeras.core.plot.HistoryChart;
import org.jeras.core.plot.PlotImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jeras plot}: CSVLogger logs and model files to PNG, typed one-line errors for bad input. */
class PlotCommandTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final int TRAIN = 0x1f77b4;
  private static final int VALIDATION = 0xff7f0e;

  @TempDir
  Path tmp;

  /** A log of 6 epochs written by Jeras's CsvLogger: loss and accuracy with their val_ twins. */
  private Path jerasCsv() {
    Path csv = tmp.resolve("history.csv");
    CsvLogger logger = new CsvLogger(csv);
    logger.onTrainBegin(Map.of());
    for (int e = 0; e < 6; e++) {
      logger.onEpochEnd(e, Map.of("loss", 1.0 / (e + 1), "val_loss", 1.3 / (e + 1),
          "accuracy", 1 - 0.5 / (e + 1), "val_accuracy", 1 - 0.6 / (e + 1)));
    }
    logger.onTrainEnd(Map.of());
    return csv;
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void csvLoggerFileGivesOnePanelPerMetric() throws Exception {
    Path out = tmp.resolve("history.png");
    CliRun r = CliRun.of("plot", jerasCsv().toString(), out.toString());
    assertEquals(0, r.status(), r.err());
    BufferedImage img = PlotImages.read(out);
    assertEquals(2 * HistoryChart.PANEL_WIDTH, img.getWidth());
    assertEquals(HistoryChart.PANEL_HEIGHT, img.getHeight());
    assertEquals(4, PlotImages.darkVerticalRuns(img, HistoryChart.PANEL_HEIGHT / 2));
    for (int p = 0; p < 2; p++) {
      int x0 = p * HistoryChart.PANEL_WIDTH;
      assertTrue(PlotImages.count(img, TRAIN, 10, x0, 0, HistoryChart.PANEL_WIDTH, img.getHeight()) > 100);
      assertTrue(PlotImages.count(img, VALIDATION, 10, x0, 0, HistoryChart.PANEL_WIDTH, img.getHeight()) > 100);
    }
  }

  @Test
  void kerasCsvWithGapsAndChosenMetricsAtAGivenSize() throws Exception {
    // As Keras's CSVLogger writes it: sorted keys, Python's float repr, 'nan' for a diverged value.
    Path csv = write("keras.csv", "epoch,accuracy,learning_rate,loss,val_accuracy,val_loss\r\n"
        + "0,0.5,0.001,0.9,0.45,1.0\r\n1,0.62,0.001,nan,0.55,0.8\r\n2,0.7,0.0005,0.5,0.6,0.7\r\n");
    Path out = tmp.resolve("chosen.png");
    CliRun r = CliRun.of("plot", "--metrics", "loss,accuracy", "--width", "700", "--height", "300",
        csv.toString(), out.toString());
    assertEquals(0, r.status(), r.err());
    BufferedImage img = PlotImages.read(out);
    assertEquals(700, img.getWidth());
    assertEquals(300, img.getHeight());
    assertEquals(4, PlotImages.darkVerticalRuns(img, 150));
  }

  @Test
  void modelFileGivesItsGraph() throws Exception {
    Path model = CliRun.denseModel(tmp, "m.keras");
    Path out = tmp.resolve("model.png");
    CliRun r = CliRun.of("plot", model.toString(), out.toString(), "--show-shapes", "--expand-nested",
        "--show-layer-activations", "--renderer", "builtin", "--dpi", "72");
    assertEquals(0, r.status(), r.err());
    BufferedImage img = PlotImages.read(out);
    // One Dense box with its activation row and two shape cells: wider than tall, dark title, white cells.
    assertTrue(img.getWidth() > img.getHeight() && img.getHeight() > 40, img.getWidth() + "x" + img.getHeight());
    double ink = PlotImages.inkFraction(img, 0, 0, img.getWidth(), img.getHeight());
    assertTrue(ink > 0.2 && ink < 0.8, "ink " + ink);
  }

  @Test
  void badInputIsOneLine() throws Exception {
    Path out = tmp.resolve("o.png");
    CliRun missing = CliRun.of("plot", tmp.resolve("nope.csv").toString(), out.toString());
    missing.assertOneFailureLine();
    assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());

    CliRun empty = CliRun.of("plot", write("empty.csv", "\n").toString(), out.toString());
    empty.assertOneFailureLine();
    assertTrue(empty.err().contains("empty CSV"), empty.err());

    CliRun headerOnly = CliRun.of("plot", write("header.csv", "epoch,loss\n").toString(), out.toString());
    headerOnly.assertOneFailureLine();
    assertTrue(headerOnly.err().contains("no epochs"), headerOnly.err());

    CliRun notLog = CliRun.of("plot", write("other.csv", "a,b\n1,2\n").toString(), out.toString());
    notLog.assertOneFailureLine();
    assertTrue(notLog.err().contains("does not start with 'epoch'"), notLog.err());

    CliRun badValue = CliRun.of("plot", write("bad.csv", "epoch,loss\n0,0.5\n1,[0.1 0.2]\n").toString(), out.toString());
    badValue.assertOneFailureLine();
    assertTrue(badValue.err().contains("bad.csv:3: column 'loss' holds '[0.1 0.2]', not a number"), badValue.err());

    CliRun ragged = CliRun.of("plot", write("ragged.csv", "epoch,loss\n0,0.5,7\n").toString(), out.toString());
    ragged.assertOneFailureLine();
    assertTrue(ragged.err().contains("ragged.csv:2: 3 values for 2 columns"), ragged.err());

    CliRun unknown = CliRun.of("plot", "--metrics", "auc", jerasCsv().toString(), out.toString());
    unknown.assertOneFailureLine();
    assertTrue(unknown.err().contains("--metrics: no 'auc' in") && unknown.err().contains("it has loss, accuracy"),
        unknown.err());

    CliRun wrongOption = CliRun.of("plot", "--show-shapes", jerasCsv().toString(), out.toString());
    wrongOption.assertOneFailureLine();
    assertTrue(wrongOption.err().contains("--show-shapes does not apply to"), wrongOption.err());

    CliRun jpg = CliRun.of("plot", jerasCsv().toString(), tmp.resolve("o.jpg").toString());
    jpg.assertOneFailureLine();
    assertTrue(jpg.err().contains("only PNG images are written"), jpg.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void helpNamesBothInputs() {
    CliRun r = CliRun.of("plot", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("CSVLogger") && r.out().contains("plot_model"), r.out());
    assertTrue(r.out().contains("--show-shapes") && r.out().contains("--expand-nested") && r.out().contains("--metrics"));
  }
}
