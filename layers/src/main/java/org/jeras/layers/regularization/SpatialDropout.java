package org.jeras.layers.regularization;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Shape;
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
  private final String dataFormat; // null where Keras's layer has no data_format (1D)

  /**
   * A dropout of whole channels over {@code rank}-dimensional inputs.
   *
   * @param rate the fraction of channels dropped, in [0, 1)
   * @param seed the seed, or null for a drawn one
   * @param rank the input's rank
   * @param dataFormat the data format, or null where Keras's layer has none
   */
  protected SpatialDropout(double rate, Long seed, int rank, String dataFormat) {
    buildAtInit();
    setInputSpec(InputSpec.ndim(rank));
    if (dataFormat != null && !"channels_last".equals(dataFormat) && !"channels_first".equals(dataFormat)) {
      throw new ConfigException(className() + " 'data_format' must be channels_last or channels_first, got " + dataFormat);
    }
    this.dataFormat = dataFormat;
    this.rate = Args.fraction(className(), "rate", rate);
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    this.rank = rank;
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (x.rank() != rank) {
      throw new IllegalArgumentException(className() + " needs rank-" + rank + " inputs, got " + x.shape());
    }
    if (!ctx.training() || rate == 0) {
      return x;
    }
    long[] noise = new long[rank];
    Arrays.fill(noise, 1);
    noise[0] = x.shape().get(0);
    int channel = "channels_first".equals(dataFormat) ? 1 : rank - 1;
    noise[channel] = x.shape().get(channel);
    return RandomOps.dropout(x, rate, noise, seedGenerator);
  }

  /**
   * Keras writes exactly {@code rate, seed, name, dtype} (the dtype as a plain name, no
   * {@code trainable}), then {@code data_format} (2D and 3D).
   */
  @Override
  public Config getConfig() {
    Config c = Config.empty().put("rate", rate).put("seed", seed == null ? null : seed.intValue())
        .put("name", name()).put("dtype", dtypePolicy().variableDtype().kerasName());
    return dataFormat == null ? c : c.put("data_format", dataFormat);
  }

  static double rate(Config c) {
    return c.getDouble("rate");
  }

  static String dataFormat(Config c) {
    return c.getString("data_format", "channels_last");
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
