package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Blurs images in training (Keras's {@code RandomGaussianBlur}): each image with a probability drawn
 * uniformly from {@code factor} (a number {@code f} in [0, 1] means {@code [0, f]}), by a Gaussian
 * kernel of {@code kernel_size} (width, height; odd) whose standard deviations along x and y are
 * drawn once per call from {@code sigma}; then clipped to {@code value_range}.
 */
public class RandomGaussianBlur extends ImageAugmentation {
  private final FactorRange factor;
  private final int kernelWidth;
  private final int kernelHeight;
  private final FactorRange sigma;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomGaussianBlur}.
   *
   * @param factor the range of the blur strength
   * @param kernelWidth the kernel's width
   * @param kernelHeight the kernel's height
   * @param sigma the range of the standard deviation
   * @param valueRange the range of the pixel values
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param seed the seed, or null for a drawn one
   */
  public RandomGaussianBlur(FactorRange factor, int kernelWidth, int kernelHeight, FactorRange sigma,
      ValueRange valueRange, String dataFormat, Long seed) {
    super(dataFormat, seed);
    this.factor = factor;
    if (kernelWidth < 1 || kernelHeight < 1 || kernelWidth % 2 == 0 || kernelHeight % 2 == 0) {
      throw Args.invalid(className(), "kernel_size", "odd positive sizes",
          "[" + kernelWidth + ", " + kernelHeight + "]");
    }
    this.kernelWidth = kernelWidth;
    this.kernelHeight = kernelHeight;
    this.sigma = sigma;
    this.valueRange = valueRange;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int n = (int) images.shape().get(0);
    double[] apply = drawApplied(factor, n, random);
    double sx = sigma.draw(random) + 1e-6;
    double sy = sigma.draw(random) + 1e-6;
    double[] kx = gaussian(kernelWidth, sx);
    double[] ky = gaussian(kernelHeight, sy);
    double[][] kernel = new double[kernelHeight][kernelWidth];
    for (int r = 0; r < kernelHeight; r++) {
      for (int c = 0; c < kernelWidth; c++) {
        kernel[r][c] = ky[r] * kx[c];
      }
    }
    Tensor blurred = SpatialFilter.apply(images, kernel);
    Tensor on = RandomContrast.perImage(apply, images);
    Tensor out = MathOps.add(MathOps.mul(blurred, on), MathOps.mul(images, MathOps.rsub(1.0, on)));
    ValueRange r = valueRange.sorted();
    return MathOps.clip(out, r.low(), r.high());
  }

  /** The normalized 1-d Gaussian of {@code size} taps about the center. */
  static double[] gaussian(int size, double sigma) {
    double[] k = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double x = (i - (size - 1) / 2.0) / sigma;
      k[i] = Math.exp(-0.5 * x * x);
      sum += k[i];
    }
    for (int i = 0; i < size; i++) {
      k[i] /= sum;
    }
    return k;
  }

  @Override
  public Config getConfig() {
    JsonArray size = new JsonArray();
    size.add(kernelWidth);
    size.add(kernelHeight);
    return super.getConfig().put("factor", factor.json()).put("kernel_size", size).put("sigma", sigma.json())
        .put("value_range", valueRange.json()).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomGaussianBlur.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomGaussianBlur fromConfig(Config c) {
    String owner = "RandomGaussianBlur";
    FactorRange f = c.isSet("factor") ? FactorRange.of(owner, "factor", c.get("factor"), 0, 1) : new FactorRange(0, 1);
    FactorRange s = c.isSet("sigma") ? FactorRange.of(owner, "sigma", c.get("sigma"), 0, 1) : new FactorRange(0, 1);
    int kw = 3;
    int kh = 3;
    if (c.isSet("kernel_size")) {
      JsonElement k = c.get("kernel_size");
      int[] sizes = k.isJsonArray() ? c.getInts("kernel_size")
          : new int[] {c.getInt("kernel_size"), c.getInt("kernel_size")};
      if (sizes.length != 2) {
        throw Args.invalid(owner, "kernel_size", "a size or a pair of sizes", k);
      }
      kw = sizes[0];
      kh = sizes[1];
    }
    return new RandomGaussianBlur(f, kw, kh, s, ValueRange.of(owner, c), dataFormat(c), c.getLongOrNull("seed"))
        .withBaseConfig(c);
  }
}
