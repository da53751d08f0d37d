package org.jeras.layers.preprocessing;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.EncodingOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Buckets continuous values by {@code bin_boundaries} (Keras's {@code Discretization}): value
 * {@code x} gets index {@code i} with {@code bins[i-1] <= x < bins[i]} (numpy's {@code digitize}),
 * returned as int32 in {@code int} mode (Keras 3.16's output dtype) or encoded as
 * {@code one_hot / multi_hot / count} in the compute dtype. With {@code num_bins} instead,
 * {@link #adapt(INDArray)} finds quantile boundaries with Keras's approximate summary algorithm
 * (tolerance {@code epsilon}). The layer has no variables.
 */
public class Discretization extends Layer {
  private double[] binBoundaries;
  private final Integer numBins;
  private final double epsilon;
  private final String outputMode;

  /**
   * Fixed boundaries (must be increasing).
   *
   * @param binBoundaries the boundaries
   * @param outputMode {@code "int"}, {@code "one_hot"}, {@code "multi_hot"} or {@code "count"}
   */
  public Discretization(double[] binBoundaries, String outputMode) {
    this(binBoundaries, null, 0.01, outputMode);
  }

  /**
   * {@code num_bins} buckets found by {@link #adapt}.
   *
   * @param numBins the number of buckets
   * @param epsilon the error tolerance of the quantiles
   * @param outputMode {@code "int"}, {@code "one_hot"}, {@code "multi_hot"} or {@code "count"}
   */
  public Discretization(int numBins, double epsilon, String outputMode) {
    this(null, numBins, epsilon, outputMode);
  }

  private Discretization(double[] binBoundaries, Integer numBins, double epsilon, String outputMode) {
    if (numBins != null) {
      Args.nonNegative(className(), "num_bins", numBins);
    }
    if (numBins != null && binBoundaries != null) {
      throw new ConfigException("Discretization: both 'num_bins' and 'bin_boundaries' should not be set");
    }
    if (numBins == null && binBoundaries == null) {
      throw new ConfigException("Discretization: set either 'num_bins' or 'bin_boundaries'");
    }
    this.binBoundaries = binBoundaries == null ? null : binBoundaries.clone();
    this.numBins = numBins;
    this.epsilon = Args.finite(className(), "epsilon", epsilon);
    this.outputMode = CategoricalEncoding.checkMode("Discretization", outputMode, "int", "one_hot", "multi_hot", "count");
  }

  /** {@return the current boundaries (after {@link #adapt} when built with {@code num_bins}), or null} */
  public double[] binBoundaries() {
    return binBoundaries == null ? null : binBoundaries.clone();
  }

  /**
   * Keras's {@code adapt} on one array: summarize the values, then take {@code num_bins} quantiles.
   *
   * @param data the values to summarize
   */
  public void adapt(INDArray data) {
    if (numBins == null) {
      throw new IllegalStateException("Cannot adapt a Discretization layer built with 'bin_boundaries'; use 'num_bins'");
    }
    float[] values = data.castTo(DataType.FLOAT).reshape(data.length()).toFloatVector();
    double[][] summary = compress(summarize(values, epsilon), epsilon);
    double[][] bins = compress(summary, 1.0 / numBins);
    binBoundaries = Arrays.copyOf(bins[0], bins[0].length - 1);
  }

  /** Sorted values taken every {@code max(n * epsilon, 1)} elements, each weighing that step. */
  static double[][] summarize(float[] values, double epsilon) {
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double step = Math.max(sorted.length / (1.0 / epsilon), 1);
    int start = (int) (step - 1);
    int stride = (int) step;
    int n = start >= sorted.length ? 0 : (sorted.length - 1 - start) / stride + 1;
    double[][] out = new double[2][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = sorted[start + i * stride];
      out[1][i] = step;
    }
    return out;
  }

  /** Re-samples a summary at percentiles {@code epsilon, 2 epsilon, ...} by linear interpolation (float32, as Keras). */
  static double[][] compress(double[][] summary, double epsilon) {
    int n = summary[0].length;
    if (n * epsilon < 1) {
      return summary;
    }
    int m = (int) Math.ceil(1.0 / epsilon - 1e-12);
    double[] cum = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += summary[1][i];
      cum[i] = total;
    }
    double[] pct = new double[n];
    for (int i = 0; i < n; i++) {
      pct[i] = cum[i] / total;
    }
    double[][] out = new double[2][m];
    double prev = 0;
    for (int k = 0; k < m; k++) {
      double p = epsilon + k * epsilon;
      out[0][k] = (float) interp(p, pct, summary[0]);
      double c = interp(p, pct, cum);
      out[1][k] = (float) (c - prev);
      prev = c;
    }
    return out;
  }

  /** numpy's {@code interp}: clamped piecewise-linear interpolation. */
  private static double interp(double x, double[] xp, double[] fp) {
    if (x <= xp[0]) {
      return fp[0];
    }
    int n = xp.length;
    if (x >= xp[n - 1]) {
      return fp[n - 1];
    }
    int hi = 1;
    while (xp[hi] < x) {
      hi++;
    }
    int lo = hi - 1;
    if (xp[hi] == xp[lo]) {
      return fp[hi];
    }
    return fp[lo] + (fp[hi] - fp[lo]) * (x - xp[lo]) / (xp[hi] - xp[lo]);
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (binBoundaries == null) {
      throw new IllegalStateException("Discretization '" + name() + "': pass 'bin_boundaries' or call adapt() first");
    }
    Tensor indices = EncodingOps.digitize(x, binBoundaries);
    DType out = outputMode.equals("int") ? DType.INT32 : computeDtype();
    return CategoricalEncoding.encode(indices, outputMode, binBoundaries.length + 1, out, null);
  }

  /** Keras writes exactly these keys, with {@code dtype} as a plain name and no {@code trainable}. */
  @Override
  public Config getConfig() {
    Config c = Config.empty();
    if (binBoundaries == null) {
      c.put("bin_boundaries", (String) null);
    } else {
      c.putDoubles("bin_boundaries", binBoundaries);
    }
    return c.put("num_bins", numBins).put("epsilon", epsilon).put("output_mode", outputMode).put("sparse", false)
        .put("name", name()).put("dtype", dtypePolicy().variableDtype().kerasName());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Discretization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Discretization fromConfig(Config c) {
    if (c.getBoolean("sparse", false)) {
      throw new ConfigException("Discretization 'sparse': true is not supported by Jeras");
    }
    double[] bins = c.isSet("bin_boundaries") ? c.getDoubles("bin_boundaries") : null;
    Integer numBins = c.getIntOrNull("num_bins");
    String mode = c.getString("output_mode", "int");
    double eps = c.getDouble("epsilon", 0.01);
    Discretization d;
    if (numBins != null) {
      // An adapted layer carries both: Keras builds it from num_bins and then sets the boundaries.
      d = new Discretization(numBins, eps, mode);
      d.binBoundaries = bins;
    } else {
      d = new Discretization(bins, null, eps, mode);
    }
    return d.withBaseConfig(c);
  }

  /** {@return the dtype of this layer's output: int32 in {@code int} mode, else the compute dtype} */
  public DType outputDtype() {
    return outputMode.equals("int") ? DType.INT32 : computeDtype();
  }
}
