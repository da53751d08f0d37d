package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scales each image's deviation from its per-channel mean by a factor drawn uniformly from
 * {@code [1 - lower, 1 + upper]} of {@code factor} (a number {@code f} in [0, 1] means
 * {@code [0, f]}), then clips to {@code value_range}, in training (Keras's {@code RandomContrast}).
 */
public class RandomContrast extends ImageAugmentation {
  private final FactorRange factor;
  private final ValueRange valueRange;

  /**
   * Keras's {@code RandomContrast(factor, seed=seed)}.
   *
   * @param factor the contrast factor is drawn from [1 - factor, 1 + factor]
   * @param seed the seed, or null for a drawn one
   */
  public RandomContrast(double factor, Long seed) {
    this(FactorRange.of("RandomContrast", "factor", factor, 0, 1), ValueRange.DEFAULT, seed, null);
  }

  /**
   * Keras's {@code RandomContrast}.
   *
   * @param factor the range of the contrast change
   * @param valueRange the range of the pixel values
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandomContrast(FactorRange factor, ValueRange valueRange, Long seed, String dataFormat) {
    super(dataFormat, seed);
    this.factor = factor;
    this.valueRange = valueRange;
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    long n = images.shape().get(0);
    double[] f = new double[(int) n];
    for (int i = 0; i < n; i++) {
      f[i] = 1 - factor.lower() + (factor.upper() + factor.lower()) * random.nextDouble();
    }
    Tensor scale = perImage(f, images);
    Tensor mean = ReduceOps.mean(images, true, 1, 2);
    Tensor out = MathOps.add(MathOps.mul(MathOps.sub(images, mean), scale), mean);
    return MathOps.clip(out, valueRange.low(), valueRange.high());
  }

  /** One value per image, shaped {@code (batch, 1, 1, 1)} in the images' dtype. */
  static Tensor perImage(double[] values, Tensor images) {
    INDArray v = Nd4j.createFromArray(values).reshape(values.length, 1, 1, 1);
    return Tensor.of(v.castTo(images.value().dataType()));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("factor", factor.json()).put("value_range", valueRange.json())
        .put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandomContrast.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandomContrast fromConfig(Config c) {
    return new RandomContrast(FactorRange.of("RandomContrast", "factor", c.get("factor"), 0, 1),
        ValueRange.of("RandomContrast", c), c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }
}
