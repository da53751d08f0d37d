package org.jeras.layers.regularization;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Tensor;

/**
 * The shared mechanism of Keras's {@code SpatialDropout1D/2D/3D}: dropout (the same
 * {@link RandomOps#dropout} as {@link Dropout}) whose noise is drawn once per sample and channel and
 * shared along the spatial axes, so whole feature maps are dropped. The identity in inference.
 */
public abstract class SpatialDropout extends Layer {
  private final double rate;
  private final Long seed;
  private final SeedGenerator seedGenerator;
  private final int rank;

  protected SpatialDropout(double rate, Long seed, int rank) {
    buildAtInit();
    if (rate < 0 || rate > 1) {
      throw new ConfigException(className() + " 'rate' must be in [0, 1], got " + rate);
    }
    this.rate = rate;
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    this.rank = rank;
    this.supportsMasking = true;
  }

  /** Whether the channel axis is axis 1 (else last). */
  protected abstract boolean channelsFirst();

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (x.rank() != rank) {
      throw new IllegalArgumentException(className() + " needs rank-" + rank + " inputs, got " + x.shape());
    }
    if (!ctx.training() || rate == 0) {
      return x;
    }
    long[] noise = new long[rank];
    java.util.Arrays.fill(noise, 1);
    noise[0] = x.shape().get(0);
    int channel = channelsFirst() ? 1 : rank - 1;
    noise[channel] = x.shape().get(channel);
    return RandomOps.dropout(x, rate, noise, seedGenerator);
  }

  /**
   * Keras writes exactly {@code rate, seed, name, dtype} (the dtype as a plain name, no
   * {@code trainable}), then subclass keys.
   */
  @Override
  public Config getConfig() {
    return Config.empty().put("rate", rate).put("seed", seed == null ? null : seed.intValue())
        .put("name", name()).put("dtype", dtypePolicy().variableDtype().kerasName());
  }

  static double rate(Config c) {
    return c.getDouble("rate");
  }
}
