package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Histogram equalization of each channel in training (Keras's {@code Equalization}); in inference the
 * images pass through, as in Keras 3.16. Values are taken from {@code value_range} to 0..255; a
 * histogram of {@code bins} bins is counted per channel over the whole batch (as Keras 3.16 does), and
 * each value is looked up in the rounded, normalized cumulative histogram, then mapped back. A channel
 * whose values fall in one bin keeps them. The result is piecewise constant: it passes no gradient.
 */
public class Equalization extends ImageAugmentation {
  private final ValueRange valueRange;
  private final int bins;

  /**
   * Keras's {@code Equalization(value_range, bins, data_format)}.
   *
   * @param valueRange the range of the pixel values
   * @param bins the number of histogram bins (at least 1)
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public Equalization(ValueRange valueRange, int bins, String dataFormat) {
    super(dataFormat, null);
    if (bins < 1) {
      throw Args.invalid(className(), "bins", "a positive integer", bins);
    }
    this.valueRange = valueRange.sorted();
    this.bins = bins;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    INDArray x = images.value();
    Float32 f = new Float32(x.dataType() != DataType.DOUBLE);
    Float32 hist32 = new Float32(true); // Keras counts the histogram in float32 whatever the dtype
    int channels = (int) x.size(3);
    double[] v = x.dup('c').data().asDouble();
    int per = v.length / channels;
    double lo = valueRange.low();
    double hi = valueRange.high();
    double up = f.r(255.0 / (hi - lo));
    double upOffset = f.r(0 - lo * (255.0 / (hi - lo)));
    double down = f.r((hi - lo) / 255.0);
    double downOffset = f.r(lo);
    double[] channel = new double[per];
    int[] hist = new int[bins];
    for (int c = 0; c < channels; c++) {
      java.util.Arrays.fill(hist, 0);
      for (int k = 0; k < per; k++) {
        channel[k] = f.r(f.r(v[k * channels + c] * up) + upOffset);
        double h = hist32.r(hist32.r(hist32.r(channel[k]) * (bins - 1)) / 255.0);
        hist[Math.max(0, Math.min(bins - 1, Float32.toInt(h)))]++;
      }
      double[] lookup = lookup(hist, hist32);
      for (int k = 0; k < per; k++) {
        double out = channel[k];
        if (lookup != null) {
          double scaled = f.r(f.r(channel[k] / 255.0) * (bins - 1));
          out = lookup[Float32.toInt(Math.max(0, Math.min(bins - 1, scaled)))];
        }
        v[k * channels + c] = f.r(f.r(out * down) + downOffset);
      }
    }
    return Tensor.of(Nd4j.createFromArray(v).reshape(x.shape()).castTo(x.dataType()));
  }

  /** The lookup table of a histogram: rounded {@code 255 (cdf - cdf_min) / (n - cdf_min)}; null for at most one bin in use. */
  private static double[] lookup(int[] hist, Float32 f) {
    int used = 0;
    for (int h : hist) {
      used += h == 0 ? 0 : 1;
    }
    if (used <= 1) {
      return null;
    }
    long[] cdf = new long[hist.length];
    long sum = 0;
    long first = -1;
    for (int i = 0; i < hist.length; i++) {
      sum += hist[i];
      cdf[i] = sum;
      if (first < 0 && sum > 0) {
        first = sum;
      }
    }
    long denominator = sum - first == 0 ? 1 : sum - first;
    // As Keras on JAX computes it: the quotient as a product with the float32 reciprocal, so that a tie
    // such as 3315 / 30 = 110.5 comes out just above and rounds up (half-to-even would give 110).
    double reciprocal = f.r(1.0 / denominator);
    double[] table = new double[hist.length];
    for (int i = 0; i < hist.length; i++) {
      table[i] = Math.max(0, Math.min(255, Math.rint(f.r((cdf[i] - first) * 255 * reciprocal))));
    }
    return table;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("bins", bins).put("value_range", valueRange.json());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Equalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Equalization fromConfig(Config c) {
    return new Equalization(ValueRange.of("Equalization", c), c.getInt("bins", 256), dataFormat(c)).withBaseConfig(c);
  }
}
