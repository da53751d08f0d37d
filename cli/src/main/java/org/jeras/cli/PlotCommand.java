package org.jeras.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jeras.core.plot.HistoryChart;
import org.jeras.core.utils.ModelPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Draw a PNG of a training log or of a model.",
        "A CSV written by CSVLogger (header 'epoch,loss,...') gives one panel per metric, loss first, with the"
            + " train and validation (val_) curves per epoch.",
        "A model file (.keras, or Keras HDF5 .h5) gives its layer graph as Keras's plot_model draws it: with"
            + " Graphviz's dot if it is on the PATH, else with a built-in layout."})
final class PlotCommand implements Callable<Integer> {
  /** Who draws a model's graph. */
  enum Renderer { auto, graphviz, builtin }

  @ParentCommand
  JerasCommand root;
  @Mixin
  LoadMixin load;
  @Parameters(index = "0", paramLabel = "INPUT", description = "a CSVLogger .csv file or a model file")
  Path input;
  @Parameters(index = "1", paramLabel = "OUT", description = "the .png file to write")
  Path out;

  @Option(names = "--show-shapes", description = "model: show each layer's input and output shapes")
  boolean showShapes;
  @Option(names = "--show-dtype", description = "model: show each layer's output dtype")
  boolean showDtype;
  @Option(names = "--show-trainable", description = "model: mark layers with weights trainable or not")
  boolean showTrainable;
  @Option(names = "--show-layer-activations", description = "model: show the activation of layers that have one")
  boolean showActivations;
  @Option(names = "--hide-layer-names", description = "model: title boxes with the class only")
  boolean hideLayerNames;
  @Option(names = "--expand-nested", description = "model: draw nested models' layers inside dashed frames")
  boolean expandNested;
  @Option(names = "--rankdir", paramLabel = "DIR", description = "model: TB (top to bottom, default) or LR")
  String rankdir;
  @Option(names = "--dpi", paramLabel = "N", description = "model: resolution (default 200, as Keras)")
  Integer dpi;
  @Option(names = "--renderer", paramLabel = "R", description = "model: auto (default), graphviz or builtin")
  Renderer renderer;

  @Option(names = "--metrics", paramLabel = "NAMES", split = ",",
      description = "CSV: plot only these metrics (comma-separated, e.g. loss,accuracy)")
  List<String> metrics;
  @Option(names = "--width", paramLabel = "PX", description = "CSV: image width (default 480 per panel)")
  Integer width;
  @Option(names = "--height", paramLabel = "PX", description = "CSV: image height (default 360 per panel row)")
  Integer height;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(input)) {
      throw new CommandException(input + ": no such file");
    }
    if (isModel(input)) {
      refuse("--metrics", metrics != null, "--width", width != null, "--height", height != null);
      plotModel();
    } else {
      refuse("--show-shapes", showShapes, "--show-dtype", showDtype, "--show-trainable", showTrainable,
          "--show-layer-activations", showActivations, "--hide-layer-names", hideLayerNames,
          "--expand-nested", expandNested, "--rankdir", rankdir != null,
          "--dpi", dpi != null, "--renderer", renderer != null);
      plotHistory();
    }
    return 0;
  }

  private void plotModel() {
    ModelPlot.Options o = ModelPlot.Options.DEFAULT.withShowShapes(showShapes).withShowDtype(showDtype)
        .withShowTrainable(showTrainable).withShowLayerActivations(showActivations)
        .withShowLayerNames(!hideLayerNames).withExpandNested(expandNested);
    if (rankdir != null) {
      o = o.withRankdir(rankdir);
    }
    if (dpi != null) {
      o = o.withDpi(dpi);
    }
    if (renderer != null) {
      o = o.withRenderer(ModelPlot.Renderer.valueOf(renderer.name().toUpperCase(Locale.ROOT)));
    }
    ModelPlot.plotModel(Commands.model(input, load.options(root.err).withCompile(false)), out, o);
  }

  private void plotHistory() {
    HistoryCsv csv = HistoryCsv.read(input);
    Map<String, List<Double>> logs = csv.logs();
    if (metrics != null) {
      List<String> known = HistoryChart.panels(logs.keySet());
      Map<String, List<Double>> chosen = new LinkedHashMap<>();
      for (String m : metrics) {
        if (!known.contains(m)) {
          throw new CommandException("--metrics: no '" + m + "' in " + input + "; it has " + String.join(", ", known));
        }
        for (String k : List.of(m, "val_" + m)) {
          if (logs.containsKey(k)) {
            chosen.put(k, logs.get(k));
          }
        }
      }
      logs = chosen;
    }
    if (width == null && height == null) {
      HistoryChart.write(csv.epochs(), logs, out);
    } else {
      int n = HistoryChart.panels(logs.keySet()).size();
      HistoryChart.write(csv.epochs(), logs, out,
          width != null ? width : HistoryChart.columns(n) * HistoryChart.PANEL_WIDTH,
          height != null ? height : HistoryChart.rows(n) * HistoryChart.PANEL_HEIGHT);
    }
  }

  /** Refuses the options (name, given) pairs that are set: they belong to the other kind of input. */
  private void refuse(Object... namesAndGiven) {
    for (int i = 0; i < namesAndGiven.length; i += 2) {
      if ((Boolean) namesAndGiven[i + 1]) {
        throw new CommandException(namesAndGiven[i] + " does not apply to " + input + " (a "
            + (isModel(input) ? "model" : "CSV training log") + ")");
      }
    }
  }

  /** A model file by its content: a zip (.keras) or an HDF5 file (.h5); anything else is read as CSV. */
  private static boolean isModel(Path file) {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new CommandException(file + ": cannot read: " + e.getMessage());
    }
    boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    boolean hdf5 = n == 8 && Arrays.equals(head, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return zip || hdf5 || name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5");
  }
}
