package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;

/**
 * Stretches each image's channels to the full {@code value_range} (Keras's {@code AutoContrast}),
 * in training and inference alike: per image and channel, {@code (x - min) * 255 / (max - min)}
 * on the 0..255 scale; a constant channel keeps its values.
 */
public class AutoContrast extends ImageAugmentation {
  private final ValueRange valueRange;

  public AutoContrast(ValueRange valueRange, String dataFormat) {
    super(dataFormat, null);
    this.valueRange = valueRange.sorted();
  }

  @Override
  protected Tensor inference(Tensor images) {
    // The same for one image as for a batch: per image and channel over the spatial axes.
    int h = images.rank() - (channelsFirst() ? 2 : 3);
    return stretch(images, h, h + 1);
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    return stretch(images, 1, 2);
  }

  private Tensor stretch(Tensor images, int hAxis, int wAxis) {
    Tensor x = valueRange.to255(images);
    Tensor low = ReduceOps.min(x, true, hAxis, wAxis);
    Tensor high = ReduceOps.max(x, true, hAxis, wAxis);
    // Keras's 0/0 on a constant channel gives NaN, where it keeps the input: so does this, without the NaN.
    Tensor varies = Tensor.of(high.value().gt(low.value()).castTo(x.value().dataType()));
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

  public static AutoContrast fromConfig(Config c) {
    return new AutoContrast(ValueRange.of("AutoContrast", c), dataFormat(c)).withBaseConfig(c);
  }
}
