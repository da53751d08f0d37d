package org.jeras.layers.regularization;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Multiplies inputs by normal noise of mean 1 and standard deviation {@code sqrt(rate / (1 - rate))}
 * in training; the identity in inference (Keras's {@code GaussianDropout}).
 */
public class GaussianDropout extends Layer {
  private final double rate;
  private final Long seed;
  private final SeedGenerator seedGenerator;

  /**
   * Keras's {@code GaussianDropout(rate, seed)}.
   *
   * @param rate the drop probability giving the noise's variance {@code rate / (1 - rate)}
   * @param seed the seed, or null for a drawn one
   */
  public GaussianDropout(double rate, Long seed) {
    buildAtInit();
    this.rate = Args.fraction(className(), "rate", rate);
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return x;
    }
    double stddev = Math.sqrt(rate / (1.0 - rate));
    return MathOps.mul(x, Tensor.of(RandomOps.normal(x.shape().dims(), x.dtype(), 1.0, stddev, seedGenerator)));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("rate", rate).put("seed", seed == null ? null : seed.intValue());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GaussianDropout.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GaussianDropout fromConfig(Config c) {
    return new GaussianDropout(c.getDouble("rate"), c.getLongOrNull("seed")).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
