package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Contrast-limited adaptive histogram equalization (Keras's
 * {@code ContrastLimitedAdaptiveHistogramEqualization}), in training and inference alike, in float32
 * step by step as Keras 3.16 computes it: values go from {@code value_range} to 0..255; each image is
 * padded (symmetric) to a {@code tile_grid_size} grid of equal tiles; each tile's 256-bin histogram of
 * the truncated pixels is clipped at {@code clip_limit * tile pixels / 256} (when the limit is positive)
 * with the excess spread evenly, and its cumulative sum normalized to 0..255; each pixel is the bilinear
 * blend of the four nearest tiles' tables at its value. Piecewise constant: it passes no gradient.
 */
public class ContrastLimitedAdaptiveHistogramEqualization extends ImageAugmentation {
  private static final String NAME = "ContrastLimitedAdaptiveHistogramEqualization";
  private final ValueRange valueRange;
  private final double clipLimit;
  private final int gridHeight;
  private final int gridWidth;

  /**
   * Keras's {@code ContrastLimitedAdaptiveHistogramEqualization}.
   *
   * @param valueRange the range of the pixel values (kept as given, unsorted, as Keras does)
   * @param clipLimit the histogram clip limit relative to a uniform histogram; 0 or less: no clipping
   * @param gridHeight the number of tile rows (at least 1)
   * @param gridWidth the number of tile columns (at least 1)
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public ContrastLimitedAdaptiveHistogramEqualization(ValueRange valueRange, double clipLimit, int gridHeight,
      int gridWidth, String dataFormat) {
    super(dataFormat, null);
    if (gridHeight < 1 || gridWidth < 1) {
      throw Args.invalid(className(), "tile_grid_size", "a pair of positive integers", "(" + gridHeight + ", "
          + gridWidth + ")");
    }
    if (!Double.isFinite(clipLimit)) {
      throw Args.invalid(className(), "clip_limit", "a finite number", clipLimit);
    }
    this.valueRange = valueRange;
    this.clipLimit = clipLimit;
    this.gridHeight = gridHeight;
    this.gridWidth = gridWidth;
  }

  @Override
  protected boolean sameInTraining() {
    return true;
  }

  @Override
  protected Tensor inference(Tensor images) {
    boolean single = images.rank() == 3;
    Tensor t = single ? ArrayOps.expandDims(images, 0) : images;
    if (channelsFirst()) {
      t = ArrayOps.transpose(t, 0, 2, 3, 1);
    }
    t = equalize(t);
    if (channelsFirst()) {
      t = ArrayOps.transpose(t, 0, 3, 1, 2);
    }
    return single ? ArrayOps.squeeze(t, 0) : t;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    return equalize(images); // not called: sameInTraining
  }

  private Tensor equalize(Tensor images) {
    INDArray x = images.value();
    Float32 f = new Float32(true);
    int n = (int) x.size(0);
    int height = (int) x.size(1);
    int width = (int) x.size(2);
    int channels = (int) x.size(3);
    double[] v = x.dup('c').data().asDouble();
    boolean identity = valueRange.low() == 0 && valueRange.high() == 255;
    double lo = f.r(valueRange.low());
    double span = f.r(f.r(valueRange.high()) - lo);
    for (int k = 0; k < v.length; k++) {
      v[k] = identity ? f.r(v[k]) : f.r(f.r(f.r(f.r(v[k]) - lo) / span) * 255.0);
    }
    int tileH = (height + gridHeight - 1) / gridHeight;
    int tileW = (width + gridWidth - 1) / gridWidth;
    int paddedH = tileH * gridHeight;
    int paddedW = tileW * gridWidth;
    double[] wy = new double[paddedH];
    int[][] ry = rows(paddedH, tileH, gridHeight, wy, f);
    double[] wx = new double[paddedW];
    int[][] rx = rows(paddedW, tileW, gridWidth, wx, f);
    double[] out = new double[v.length];
    for (int b = 0; b < n; b++) {
      for (int c = 0; c < channels; c++) {
        int[][] pixels = new int[paddedH][paddedW];
        for (int y = 0; y < paddedH; y++) {
          for (int xx = 0; xx < paddedW; xx++) {
            double p = v[((b * height + symmetric(y, height)) * width + symmetric(xx, width)) * channels + c];
            pixels[y][xx] = Float32.toInt(Math.max(0, Math.min(255, p)));
          }
        }
        double[][][] tables = tables(pixels, tileH, tileW, f);
        for (int y = 0; y < height; y++) {
          for (int xx = 0; xx < width; xx++) {
            int p = pixels[y][xx];
            double nw = tables[ry[0][y]][rx[0][xx]][p];
            double ne = tables[ry[0][y]][rx[1][xx]][p];
            double sw = tables[ry[1][y]][rx[0][xx]][p];
            double se = tables[ry[1][y]][rx[1][xx]][p];
            double top = f.r(f.r(nw * f.r(1 - wx[xx])) + f.r(ne * wx[xx]));
            double bottom = f.r(f.r(sw * f.r(1 - wx[xx])) + f.r(se * wx[xx]));
            double r = f.r(f.r(top * f.r(1 - wy[y])) + f.r(bottom * wy[y]));
            out[((b * height + y) * width + xx) * channels + c] =
                identity ? r : f.r(f.r(f.r(r / 255.0) * span) + lo);
          }
        }
      }
    }
    return Tensor.of(Nd4j.createFromArray(out).reshape(x.shape()).castTo(x.dataType()));
  }

  /**
   * The tiles (in the grid padded by one tile each side) above/left and below/right of each padded
   * row (or column), and the weight of the second, as Keras's bilinear blend of tile tables.
   */
  private static int[][] rows(int padded, int tile, int grid, double[] weight, Float32 f) {
    int[][] idx = new int[2][padded];
    double half = f.r(tile / 2.0);
    for (int i = 0; i < padded; i++) {
      double g = f.r(f.r(f.r(i - half) / tile) + 1.0);
      double g0 = Math.floor(g);
      weight[i] = f.r(g - g0);
      idx[0][i] = (int) Math.max(0, Math.min(grid + 1, g0));
      idx[1][i] = (int) Math.max(0, Math.min(grid + 1, g0 + 1));
    }
    return idx;
  }

  /** Each tile's normalized cumulative histogram, the grid padded by one edge-repeated tile each side. */
  private double[][][] tables(int[][] pixels, int tileH, int tileW, Float32 f) {
    int area = tileH * tileW;
    double[][][] t = new double[gridHeight + 2][gridWidth + 2][];
    double limit = f.r(clipLimit * area / 256.0);
    for (int gy = 0; gy < gridHeight; gy++) {
      for (int gx = 0; gx < gridWidth; gx++) {
        double[] hist = new double[256];
        for (int y = gy * tileH; y < (gy + 1) * tileH; y++) {
          for (int xx = gx * tileW; xx < (gx + 1) * tileW; xx++) {
            hist[pixels[y][xx]]++;
          }
        }
        if (clipLimit > 0) {
          double excess = 0;
          for (int i = 0; i < 256; i++) {
            double clipped = Math.min(hist[i], limit);
            excess = f.r(excess + f.r(hist[i] - clipped));
            hist[i] = clipped;
          }
          double spread = f.r(excess / 256.0);
          for (int i = 0; i < 256; i++) {
            hist[i] = f.r(hist[i] + spread);
          }
        }
        double[] cdf = new double[256];
        double sum = 0;
        for (int i = 0; i < 256; i++) {
          sum = f.r(sum + hist[i]);
          cdf[i] = sum;
        }
        double min = cdf[0];
        double denominator = f.r(area - min);
        denominator = denominator == 0 ? 1 : denominator;
        for (int i = 0; i < 256; i++) {
          cdf[i] = Math.max(0, Math.min(255, f.r(f.r(f.r(cdf[i] - min) * 255.0) / denominator)));
        }
        t[gy + 1][gx + 1] = cdf;
      }
    }
    for (int gy = 0; gy < gridHeight + 2; gy++) {
      int sy = Math.max(1, Math.min(gridHeight, gy));
      for (int gx = 0; gx < gridWidth + 2; gx++) {
        t[gy][gx] = t[sy][Math.max(1, Math.min(gridWidth, gx))];
      }
    }
    return t;
  }

  /** NumPy's {@code symmetric} padding: index {@code i} of an axis of {@code size}, reflected with the edge repeated. */
  private static int symmetric(int i, int size) {
    int m = i % (2 * size);
    return m < size ? m : 2 * size - 1 - m;
  }

  @Override
  public Config getConfig() {
    JsonArray grid = new JsonArray();
    grid.add(gridHeight);
    grid.add(gridWidth);
    return super.getConfig().put("value_range", valueRange.json()).put("clip_limit", clipLimit)
        .put("tile_grid_size", grid).put("data_format", dataFormat());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ContrastLimitedAdaptiveHistogramEqualization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ContrastLimitedAdaptiveHistogramEqualization fromConfig(Config c) {
    int[] grid = {8, 8};
    if (c.isSet("tile_grid_size")) {
      JsonElement g = c.get("tile_grid_size");
      if (!g.isJsonArray() || g.getAsJsonArray().size() != 2) {
        throw Args.invalid(NAME, "tile_grid_size", "a pair of positive integers", g);
      }
      grid[0] = g.getAsJsonArray().get(0).getAsInt();
      grid[1] = g.getAsJsonArray().get(1).getAsInt();
    }
    return new ContrastLimitedAdaptiveHistogramEqualization(ValueRange.of(NAME, c), c.getDouble("clip_limit", 4.0),
        grid[0], grid[1], dataFormat(c)).withBaseConfig(c);
  }
}
