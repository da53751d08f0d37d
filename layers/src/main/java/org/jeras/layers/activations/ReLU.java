package org.jeras.layers.activations;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code ReLU} layer: {@code x} above {@code threshold} (else 0), capped at
 * {@code max_value} when set, minus {@code negative_slope * (threshold - x)} below the threshold.
 */
public class ReLU extends Layer {
  private final Double maxValue;
  private final double negativeSlope;
  private final double threshold;

  /** Keras's {@code ReLU()}: every argument at its default. */
  public ReLU() {
    this(null, 0.0, 0.0);
  }

  /**
   * Keras's {@code ReLU(max_value, negative_slope, threshold)}.
   *
   * @param maxValue the largest output, or null for none
   * @param negativeSlope the slope below the threshold
   * @param threshold the value below which the slope applies
   */
  public ReLU(Double maxValue, double negativeSlope, double threshold) {
    buildAtInit();
    this.maxValue = maxValue == null ? null : Args.nonNegative(className(), "max_value", maxValue);
    this.negativeSlope = Args.nonNegative(className(), "negative_slope", negativeSlope);
    this.threshold = Args.nonNegative(className(), "threshold", threshold);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return NnOps.relu(x, negativeSlope, maxValue, threshold);
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    if (maxValue == null) {
      c.put("max_value", (String) null);
    } else {
      c.put("max_value", maxValue.doubleValue());
    }
    return c.put("negative_slope", negativeSlope).put("threshold", threshold);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ReLU.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ReLU fromConfig(Config c) {
    Double max = c.isSet("max_value") ? c.getDouble("max_value") : null;
    return new ReLU(max, c.getDouble("negative_slope", 0.0), c.getDouble("threshold", 0.0)).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
