package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Stretches each image's channels to the full {@code value_range} (Keras's {@code AutoContrast}),
 * in training and inference alike: per image and channel, {@code (x - min) * 255 / (max - min)}
 * on the 0..255 scale; a constant channel keeps its values. As Keras 3.16, the minimum and maximum
 * are taken over axes 1 and 2 of the batch also for channels-first images.
 */
public class AutoContrast extends ImageAugmentation {
  private final ValueRange valueRange;

  /**
   * Keras's {@code AutoContrast(value_range, data_format)}.
   *
   * @param valueRange the range of the pixel values
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public AutoContrast(ValueRange valueRange, String dataFormat) {
    super(dataFormat, null);
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected boolean sameInTraining() {
    return true;
  }

  @Override
  protected Tensor inference(Tensor images) {
    // As Keras 3.16: over axes 1 and 2 of the batch whatever data_format says (for channels-first
    // images, channels and rows).
    if (images.rank() == 3) {
      return ArrayOps.squeeze(stretch(ArrayOps.expandDims(images, 0)), 0);
    }
    return stretch(images);
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    return stretch(images); // not called: sameInTraining
  }

  private Tensor stretch(Tensor images) {
    Tensor x = valueRange.to255(images);
    Tensor low = ReduceOps.min(x, true, 1, 2);
    Tensor high = ReduceOps.max(x, true, 1, 2);
    // Keras's 0/0 on a constant channel gives NaN, where it keeps the input: so does this, without the NaN.
    Tensor varies = MathOps.notEqual(MathOps.sub(high, low), 0.0);
    Tensor spread = MathOps.where(varies, MathOps.sub(high, low), MathOps.fullLike(high, 1.0));
    Tensor scale = MathOps.div(MathOps.fullLike(spread, 255.0), spread);
    // In Keras's order: x * scale + (-low * scale).
    Tensor out = MathOps.clip(MathOps.add(MathOps.mul(x, scale), MathOps.mul(MathOps.neg(low), scale)), 0, 255);
    return MathOps.where(varies, valueRange.from255(out), images);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("value_range", valueRange.json());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AutoContrast.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AutoContrast fromConfig(Config c) {
    return new AutoContrast(ValueRange.of("AutoContrast", c), dataFormat(c)).withBaseConfig(c);
  }
}
