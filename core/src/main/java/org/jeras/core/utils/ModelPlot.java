package org.jeras.core.utils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jeras.core.model.Model;
import org.jeras.core.plot.DotWriter;
import org.jeras.core.plot.GraphPainter;
import org.jeras.core.plot.Graphviz;
import org.jeras.core.plot.LayerGraph;
import org.jeras.core.plot.PlotException;
import org.jeras.core.plot.PngFile;

/**
 * Keras's {@code plot_model} and {@code model_to_dot}: the model's layers as boxes (name and class,
 * optionally shapes, dtype and trainability) joined by arrows along the layer calls of a functional
 * model, a Sequential's layers as a chain, nested models as one box unless expanded into dashed
 * clusters. With Graphviz's {@code dot} on the {@code PATH} the DOT text is rendered by it, as in
 * Keras; without it a built-in layered layout is drawn with Java2D (headless).
 */
public final class ModelPlot {
  /** How long {@code dot} may run before it is stopped. */
  public static final Duration DOT_TIMEOUT = Duration.ofSeconds(60);

  private ModelPlot() {}

  /** Who draws the PNG. */
  public enum Renderer {
    /** Graphviz's {@code dot} when it is on the {@code PATH}, else the built-in layout. */
    AUTO,
    /** Graphviz's {@code dot}; a {@link PlotException} if it is not on the {@code PATH}. */
    GRAPHVIZ,
    /** The built-in layered layout (longest-path layers, straight arrows). */
    BUILTIN
  }

  /**
   * Keras's {@code plot_model} arguments. Unlike Keras's {@code plot_model} (but as its
   * {@code model_to_dot}), layer names are shown by default.
   *
   * @param showShapes each box lists the layer's input and output shapes
   * @param showDtype each box lists the layer's output dtype
   * @param showLayerNames the title is "name (Class)" rather than the class alone
   * @param showTrainable layers with weights say whether they are trainable
   * @param showLayerActivations layers with an {@code activation} in their config show it in a row of their own
   * @param expandNested nested Functional and Sequential models are drawn as clusters of their layers
   * @param rankdir {@code "TB"} (top to bottom) or {@code "LR"} (left to right)
   * @param dpi resolution of the image (Graphviz's {@code dpi}; 72 draws a point as one pixel); the
   *     built-in layout lowers it where the image would exceed {@link GraphPainter#MAX_PIXELS}
   * @param renderer who draws the image
   */
  public record Options(boolean showShapes, boolean showDtype, boolean showLayerNames, boolean showTrainable,
      boolean showLayerActivations, boolean expandNested, String rankdir, int dpi, Renderer renderer) {
    /** Keras's defaults (dpi 200, top to bottom), layer names shown, rendered by {@link Renderer#AUTO}. */
    public static final Options DEFAULT = new Options(false, false, true, false, false, false, "TB", 200,
        Renderer.AUTO);

    /**
     * Checks {@code rankdir} and {@code dpi}.
     *
     * @param showShapes Keras's {@code show_shapes}
     * @param showDtype Keras's {@code show_dtype}
     * @param showLayerNames Keras's {@code show_layer_names}
     * @param showTrainable Keras's {@code show_trainable}
     * @param showLayerActivations Keras's {@code show_layer_activations}
     * @param expandNested Keras's {@code expand_nested}
     * @param rankdir {@code "TB"} or {@code "LR"}
     * @param dpi the resolution
     * @param renderer how the PNG is drawn
     */
    public Options {
      rankdir = rankdir == null ? "TB" : rankdir.toUpperCase(Locale.ROOT);
      if (!rankdir.equals("TB") && !rankdir.equals("LR")) {
        throw new PlotException("rankdir must be \"TB\" or \"LR\", got \"" + rankdir + "\"");
      }
      if (dpi < 18 || dpi > 1200) {
        throw new PlotException("dpi must be within 18..1200, got " + dpi);
      }
      if (renderer == null) {
        renderer = Renderer.AUTO;
      }
    }

    /**
     * {@return these options with {@code show_shapes} set}
     *
     * @param v whether to show shapes
     */
    public Options withShowShapes(boolean v) {
      return new Options(v, showDtype, showLayerNames, showTrainable, showLayerActivations,
          expandNested, rankdir, dpi, renderer);
    }

    /**
     * {@return these options with {@code show_dtype} set}
     *
     * @param v whether to show dtypes
     */
    public Options withShowDtype(boolean v) {
      return new Options(showShapes, v, showLayerNames, showTrainable, showLayerActivations,
          expandNested, rankdir, dpi, renderer);
    }

    /**
     * {@return these options with {@code show_layer_names} set}
     *
     * @param v whether to show layer names
     */
    public Options withShowLayerNames(boolean v) {
      return new Options(showShapes, showDtype, v, showTrainable, showLayerActivations,
          expandNested, rankdir, dpi, renderer);
    }

    /**
     * {@return these options with {@code show_trainable} set}
     *
     * @param v whether to show trainability
     */
    public Options withShowTrainable(boolean v) {
      return new Options(showShapes, showDtype, showLayerNames, v, showLayerActivations,
          expandNested, rankdir, dpi, renderer);
    }

    /**
     * {@return these options with {@code show_layer_activations} set}
     *
     * @param v whether to show activations
     */
    public Options withShowLayerActivations(boolean v) {
      return new Options(showShapes, showDtype, showLayerNames, showTrainable, v,
          expandNested, rankdir, dpi, renderer);
    }

    /**
     * {@return these options with {@code expand_nested} set}
     *
     * @param v whether to expand nested models
     */
    public Options withExpandNested(boolean v) {
      return new Options(showShapes, showDtype, showLayerNames, showTrainable, showLayerActivations,
          v, rankdir, dpi, renderer);
    }

    /**
     * {@return these options with {@code rankdir} ("TB" or "LR")}
     *
     * @param v the direction
     */
    public Options withRankdir(String v) {
      return new Options(showShapes, showDtype, showLayerNames, showTrainable, showLayerActivations,
          expandNested, v, dpi, renderer);
    }

    /**
     * {@return these options with {@code dpi}}
     *
     * @param v the resolution
     */
    public Options withDpi(int v) {
      return new Options(showShapes, showDtype, showLayerNames, showTrainable, showLayerActivations,
          expandNested, rankdir, v, renderer);
    }

    /**
     * {@return these options with the given renderer}
     *
     * @param v the renderer
     */
    public Options withRenderer(Renderer v) {
      return new Options(showShapes, showDtype, showLayerNames, showTrainable, showLayerActivations,
          expandNested, rankdir, dpi, v);
    }
  }

  /**
   * Draws {@code model} into the PNG {@code png} with {@link Options#DEFAULT}.
   *
   * @param model the built model
   * @param png the PNG file to write
   */
  public static void plotModel(Model model, Path png) {
    plotModel(model, png, Options.DEFAULT);
  }

  /**
   * Draws {@code model} into the PNG {@code png}. Throws {@link PlotException} for a model that is
   * not built, a file name not ending in {@code .png}, or a failing {@code dot}.
   *
   * @param model the built model
   * @param png the PNG file to write
   * @param options the plot options
   */
  public static void plotModel(Model model, Path png, Options options) {
    PngFile.checkName(png);
    LayerGraph graph = LayerGraph.of(model, options);
    Optional<Path> dot = options.renderer() == Renderer.BUILTIN ? Optional.empty() : Graphviz.findDot();
    if (dot.isPresent()) {
      Graphviz.render(dot.get(), DotWriter.write(graph, options), png, DOT_TIMEOUT);
    } else if (options.renderer() == Renderer.GRAPHVIZ) {
      throw new PlotException("Graphviz's 'dot' is not on the PATH (install Graphviz, or use Renderer.BUILTIN)");
    } else {
      PngFile.write(GraphPainter.paint(graph, options), png);
    }
  }

  /**
   * Keras's {@code model_to_dot} with {@link Options#DEFAULT}: the graph as Graphviz DOT text.
   *
   * @param model the built model
   * @return the DOT text
   */
  public static String toDot(Model model) {
    return toDot(model, Options.DEFAULT);
  }

  /**
   * Keras's {@code model_to_dot}: the graph as Graphviz DOT text.
   *
   * @param model the built model
   * @param options the plot options
   * @return the DOT text
   */
  public static String toDot(Model model, Options options) {
    return DotWriter.write(LayerGraph.of(model, options), options);
  }
}
