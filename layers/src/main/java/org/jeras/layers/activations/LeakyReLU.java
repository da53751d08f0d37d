package org.jeras.layers.activations;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/** {@code x} for {@code x >= 0}, else {@code negative_slope * x} (Keras's {@code LeakyReLU}, default slope 0.3). */
public class LeakyReLU extends Layer {
  private final double negativeSlope;

  /** Keras's {@code LeakyReLU()}: every argument at its default. */
  public LeakyReLU() {
    this(0.3);
  }

  /**
   * Keras's {@code LeakyReLU(negative_slope)}.
   *
   * @param negativeSlope the slope below 0
   */
  public LeakyReLU(double negativeSlope) {
    buildAtInit();
    this.negativeSlope = Args.nonNegative(className(), "negative_slope", negativeSlope);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return NnOps.leakyRelu(x, negativeSlope);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("negative_slope", negativeSlope);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code LeakyReLU.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static LeakyReLU fromConfig(Config c) {
    // Keras still accepts the deprecated key "alpha".
    double slope = c.isSet("negative_slope") ? c.getDouble("negative_slope") : c.getDouble("alpha", 0.3);
    return new LeakyReLU(slope).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
