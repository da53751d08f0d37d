package org.jeras.layers.regularization;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Zeroes inputs with probability {@code rate} in training and scales the rest by
 * {@code 1 / (1 - rate)}; the identity in inference (Keras's {@code Dropout}).
 */
public class Dropout extends Layer {
  private final double rate;
  private final long[] noiseShape;
  private final Long seed;
  private final SeedGenerator seedGenerator;

  /**
   * Keras's {@code Dropout(rate)}.
   *
   * @param rate the fraction of entries dropped, in [0, 1)
   */
  public Dropout(double rate) {
    this(rate, null, null);
  }

  /**
   * Keras's {@code Dropout(rate, noise_shape, seed)}.
   *
   * @param rate the fraction of entries dropped, in [0, 1)
   * @param noiseShape the shape of the dropout pattern, or null for the input's
   * @param seed the seed, or null for a drawn one
   */
  public Dropout(double rate, long[] noiseShape, Long seed) {
    buildAtInit();
    this.rate = Args.fraction(className(), "rate", rate);
    this.noiseShape = noiseShape;
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return x;
    }
    return RandomOps.dropout(x, rate, noiseShape, seedGenerator);
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig().put("rate", rate).put("seed", seed == null ? null : seed.intValue());
    // None entries (-1 here) take the input's size at call time.
    return c.putShape("noise_shape", noiseShape == null ? null : Shape.of(noiseShape));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Dropout.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Dropout fromConfig(Config c) {
    long[] ns = c.isSet("noise_shape") ? c.getShape("noise_shape").dims() : null;
    return new Dropout(c.getDouble("rate"), ns, c.getLongOrNull("seed")).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
