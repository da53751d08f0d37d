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

/** Adds zero-mean normal noise of {@code stddev} in training; the identity in inference (Keras's {@code GaussianNoise}). */
public class GaussianNoise extends Layer {
  private final double stddev;
  private final Long seed;
  private final SeedGenerator seedGenerator;

  /**
   * Keras's {@code GaussianNoise(stddev, seed)}.
   *
   * @param stddev the standard deviation of the noise
   * @param seed the seed, or null for a drawn one
   */
  public GaussianNoise(double stddev, Long seed) {
    buildAtInit();
    this.stddev = Args.fraction(className(), "stddev", stddev);
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (!ctx.training() || stddev == 0) {
      return x;
    }
    return MathOps.add(x, Tensor.of(RandomOps.normal(x.shape().dims(), x.dtype(), 0.0, stddev, seedGenerator)));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("stddev", stddev).put("seed", seed == null ? null : seed.intValue());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GaussianNoise.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GaussianNoise fromConfig(Config c) {
    return new GaussianNoise(c.getDouble("stddev"), c.getLongOrNull("seed")).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
