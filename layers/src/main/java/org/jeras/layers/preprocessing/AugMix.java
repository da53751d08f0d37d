package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code AugMix}, in training: {@code num_chains} chains each apply up to {@code chain_depth}
 * augmentations (each step one of the eleven of {@link RandAugment} with {@code all_ops}, or the seven
 * geometric and tone ones without, or none, uniformly) to a copy of the batch; the chains are summed
 * with Dirichlet({@code alpha}) weights and blended with the input by {@code w ~ Beta(alpha, alpha)}
 * ({@code w x + (1 - w) chains}), then clipped to {@code value_range}. {@code chain_depth} may be a
 * pair {@code [low, high]}: each chain's depth is then drawn uniformly from it. Identity in inference.
 */
public class AugMix extends ImageAugmentation {
  private static final String[] ALL = {"random_shear", "random_translation", "random_rotation",
      "random_posterization", "solarization", "auto_contrast", "equalization", "random_brightness",
      "random_color_degeneration", "random_contrast", "random_sharpness"};
  private static final String[] BASIC = {"random_shear", "random_translation", "random_rotation",
      "random_posterization", "solarization", "auto_contrast", "equalization"};
  private final ValueRange valueRange;
  private final int numChains;
  private final JsonElement chainDepthJson;
  private final int depthLow;
  private final int depthHigh;
  private final FactorRange factor;
  private final double alpha;
  private final boolean allOps;
  private final String interpolation;
  private final List<ImageAugmentation> ops;

  /**
   * Keras's {@code AugMix}.
   *
   * @param valueRange the range of the pixel values
   * @param numChains the number of chains (at least 1)
   * @param chainDepth the steps per chain: an integer, or a pair {@code [low, high]} to draw from
   * @param factor the range every augmentation's strength is drawn from
   * @param alpha the Dirichlet and Beta parameter (positive)
   * @param allOps whether the colour augmentations are among the choices too
   * @param interpolation {@code "bilinear"} or {@code "nearest"}, for the geometric augmentations
   * @param seed the seed, or null for a drawn one
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public AugMix(ValueRange valueRange, int numChains, JsonElement chainDepth, FactorRange factor, double alpha,
      boolean allOps, String interpolation, Long seed, String dataFormat) {
    super(dataFormat, seed);
    if (numChains < 1) {
      throw Args.invalid(className(), "num_chains", "a positive integer", numChains);
    }
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw Args.invalid(className(), "alpha", "a positive number", alpha);
    }
    int[] depth = depth(className(), chainDepth);
    this.valueRange = valueRange;
    this.numChains = numChains;
    this.chainDepthJson = chainDepth.deepCopy();
    this.depthLow = depth[0];
    this.depthHigh = depth[1];
    this.factor = factor;
    this.alpha = alpha;
    this.allOps = allOps;
    this.interpolation = AffineWarp.check(className(), "interpolation", interpolation, AffineWarp.INTERPOLATIONS);
    java.util.Map<String, ImageAugmentation> m = AugmentationOps.of(allOps ? ALL : BASIC, factor, valueRange,
        interpolation, seed);
    m.forEach(this::track); // saved as Keras saves its attributes: a (variable-free) group each
    this.ops = new ArrayList<>(m.values());
  }

  private static int[] depth(String owner, JsonElement e) {
    String expected = "a non-negative integer or a pair [low, high] of them";
    try {
      if (e != null && e.isJsonArray() && e.getAsJsonArray().size() == 2) {
        int lo = e.getAsJsonArray().get(0).getAsInt();
        int hi = e.getAsJsonArray().get(1).getAsInt();
        if (lo >= 0 && hi >= lo) {
          return new int[] {lo, hi};
        }
      } else if (e != null && e.isJsonPrimitive() && e.getAsInt() >= 0) {
        return new int[] {e.getAsInt(), e.getAsInt()};
      }
    } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException ex) {
      // reported below
    }
    throw Args.invalid(owner, "chain_depth", expected, e);
  }

  @Override
  protected Tensor augment(Tensor images, SplittableRandom random) {
    double[] weights = new double[numChains];
    double sum = 0;
    for (int k = 0; k < numChains; k++) {
      weights[k] = Draws.gamma(alpha, random);
      sum += weights[k];
    }
    double w = Draws.beta(alpha, alpha, random);
    Tensor mixed = null;
    for (int k = 0; k < numChains; k++) {
      Tensor chain = images;
      int steps = depthLow + random.nextInt(depthHigh - depthLow + 1);
      for (int s = 0; s < steps; s++) {
        int choice = random.nextInt(ops.size() + 1); // the last: no augmentation at this step
        if (choice < ops.size()) {
          chain = ops.get(choice).augment(chain, random);
        }
      }
      Tensor term = MathOps.mul(chain, sum == 0 ? 1.0 / numChains : weights[k] / sum);
      mixed = mixed == null ? term : MathOps.add(mixed, term);
    }
    Tensor out = MathOps.add(MathOps.mul(images, w), MathOps.mul(mixed, 1 - w));
    ValueRange r = valueRange.sorted();
    return MathOps.clip(out, r.low(), r.high());
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
    return super.getConfig().put("value_range", valueRange.json()).put("num_chains", numChains)
        .put("chain_depth", chainDepthJson.deepCopy()).put("factor", factor.json()).put("alpha", alpha)
        .put("all_ops", allOps).put("interpolation", interpolation).put("seed", seedConfig());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AugMix.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AugMix fromConfig(Config c) {
    String n = "AugMix";
    return new AugMix(ValueRange.of(n, c), c.getInt("num_chains", 3),
        c.isSet("chain_depth") ? c.get("chain_depth") : new JsonPrimitive(3),
        FactorRange.of(n, "factor", c.isSet("factor") ? c.get("factor") : new JsonPrimitive(0.3), 0, 1),
        c.getDouble("alpha", 1.0), c.getBoolean("all_ops", true), c.getString("interpolation", "bilinear"),
        c.getLongOrNull("seed"), dataFormat(c)).withBaseConfig(c);
  }
}
