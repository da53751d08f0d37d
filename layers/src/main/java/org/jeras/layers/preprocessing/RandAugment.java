package org.jeras.layers.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code RandAugment}, in training: {@code num_ops} times, one of eleven augmentations (shear,
 * translation, rotation, brightness, colour degeneration, contrast, sharpness, posterization,
 * solarization, auto-contrast, equalization; built from {@code factor}, a number {@code f} in [0, 1]
 * meaning {@code [0, f]}) is chosen uniformly for the whole batch and applied. As in Keras, each
 * augmentation's random draw is made once per call, so one chosen twice repeats its transformation.
 * Identity in inference.
 */
public class RandAugment extends ImageAugmentation {
  private static final String[] OPS = {"random_shear", "random_translation", "random_rotation", "random_brightness",
      "random_color_degeneration", "random_contrast", "random_sharpness", "random_posterization", "solarization",
      "auto_contrast", "equalization"};
  private final ValueRange valueRange;
  private final int numOps;
  private final FactorRange factor;
  private final String interpolation;
  private final List<ImageAugmentation> ops;

  /**
   * Keras's {@code RandAugment}.
   *
   * @param valueRange the range of the pixel values
   * @param numOps the number of augmentations applied per call (at least 0)
   * @param factor the range every augmentation's strength is drawn from
   * @param interpolation {@code "bilinear"} or {@code "nearest"}, for the geometric augmentations
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public RandAugment(ValueRange valueRange, int numOps, FactorRange factor, String interpolation, Long seed,
      String dataFormat) {
    super(dataFormat, seed);
    if (numOps < 0) {
      throw Args.invalid(className(), "num_ops", "a non-negative integer", numOps);
    }
    this.valueRange = valueRange;
    this.numOps = numOps;
    this.factor = factor;
    this.interpolation = AffineWarp.check(className(), "interpolation", interpolation, AffineWarp.INTERPOLATIONS);
    Map<String, ImageAugmentation> m = AugmentationOps.of(OPS, factor, valueRange, interpolation, seed);
    m.forEach(this::track); // saved as Keras saves its attributes: a (variable-free) group each
    this.ops = new ArrayList<>(m.values());
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    int[] chosen = new int[numOps];
    for (int i = 0; i < numOps; i++) {
      chosen[i] = random.nextInt(ops.size());
    }
    // One draw per augmentation and call: a stream seed each, replayed wherever it is chosen.
    long[] seeds = new long[ops.size()];
    for (int k = 0; k < seeds.length; k++) {
      seeds[k] = random.nextLong();
    }
    Tensor t = images;
    for (int k : chosen) {
      t = ops.get(k).augment(t, new SplittableRandom(seeds[k]));
    }
    return t;
  }

  /** As Keras passes its keyword arguments on, a name given to this layer names its augmentations too. */
  @Override
  public <L extends org.jeras.core.layer.Layer> L setName(String name) {
    ops.forEach(o -> o.setName(name));
    return super.setName(name);
  }

  @Override
  public <L extends org.jeras.core.layer.Layer> L withBaseConfig(Config config) {
    L self = super.withBaseConfig(config);
    if (config.isSet("name")) {
      ops.forEach(o -> o.setName(name()));
    }
    return self;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("value_range", valueRange.json()).put("num_ops", numOps)
        .put("factor", factor.json()).put("interpolation", interpolation).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RandAugment.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RandAugment fromConfig(Config c) {
    String n = "RandAugment";
    return new RandAugment(ValueRange.of(n, c), c.getInt("num_ops", 2),
        FactorRange.of(n, "factor", c.isSet("factor") ? c.get("factor") : new com.google.gson.JsonPrimitive(0.5), 0, 1),
        c.getString("interpolation", "bilinear"), c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }
}
