package org.jeras.layers.regularization;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.ops.MathOps;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dropout for SELU networks (Keras's {@code AlphaDropout}): in training, dropped entries become
 * SELU's negative saturation {@code -alpha * scale}, then {@code a * x + b} restores the mean and
 * variance; the identity in inference.
 */
public class AlphaDropout extends Layer {
  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  private static final double SELU_SCALE = 1.0507009873554804934193349852946;

  private final double rate;
  private final long[] noiseShape;
  private final Long seed;
  private final SeedGenerator seedGenerator;

  /**
   * Keras's {@code AlphaDropout(rate, noise_shape, seed)}.
   *
   * @param rate the fraction of entries dropped, in [0, 1)
   * @param noiseShape the shape of the dropout pattern, or null for the input's
   * @param seed the seed, or null for a drawn one
   */
  public AlphaDropout(double rate, long[] noiseShape, Long seed) {
    buildAtInit();
    this.rate = Args.fraction(className(), "rate", rate);
    this.noiseShape = noiseShape == null ? null : noiseShape.clone();
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return x;
    }
    long[] shape = x.shape().dims();
    long[] noise = shape.clone();
    if (noiseShape != null) {
      for (int i = 0; i < noise.length; i++) {
        noise[i] = noiseShape[i] < 0 ? shape[i] : noiseShape[i];
      }
    }
    INDArray u = RandomOps.uniform(noise, x.dtype(), 0.0, 1.0, seedGenerator);
    INDArray kept = Broadcast.to(u.gte(rate).castTo(x.value().dataType()), shape);
    double alphaP = -SELU_ALPHA * SELU_SCALE;
    double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
    double b = -a * alphaP * rate;
    // a * (x * kept + alphaP * (1 - kept)) + b
    Tensor dropped = MathOps.add(MathOps.mul(x, Tensor.of(kept)), Tensor.of(kept.rsub(1.0).muli(alphaP)));
    return MathOps.add(MathOps.mul(dropped, a), b);
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig().put("rate", rate).put("seed", seed == null ? null : seed.intValue());
    if (noiseShape == null) {
      return c.put("noise_shape", (String) null);
    }
    JsonArray a = new JsonArray();
    for (long d : noiseShape) {
      a.add(d < 0 ? JsonNull.INSTANCE : new JsonPrimitive(d));
    }
    return c.put("noise_shape", a);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AlphaDropout.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AlphaDropout fromConfig(Config c) {
    long[] ns = null;
    if (c.isSet("noise_shape")) {
      ns = c.getShape("noise_shape").dims();
    }
    return new AlphaDropout(c.getDouble("rate"), ns, c.getLongOrNull("seed")).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
