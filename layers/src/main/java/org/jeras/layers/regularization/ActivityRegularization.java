package org.jeras.layers.regularization;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.regularizers.L1L2;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * The identity that adds {@code l1 * sum|x| + l2 * sum x^2} of its output (divided by the batch
 * size, as for every activity regularizer) to the layer's losses (Keras's
 * {@code ActivityRegularization}).
 */
public class ActivityRegularization extends Layer {
  private final double l1;
  private final double l2;

  /**
   * Keras's {@code ActivityRegularization(l1, l2)}.
   *
   * @param l1 the factor of the outputs' sum of absolute values
   * @param l2 the factor of the outputs' sum of squares
   */
  public ActivityRegularization(double l1, double l2) {
    buildAtInit();
    this.l1 = Args.nonNegative(className(), "l1", l1);
    this.l2 = Args.nonNegative(className(), "l2", l2);
    setActivityRegularizer(new L1L2(l1, l2));
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return x;
  }

  /** The base keys without {@code activity_regularizer} (Keras pops it), then {@code l1, l2}. */
  @Override
  public Config getConfig() {
    return super.getConfig().remove("activity_regularizer").put("l1", l1).put("l2", l2);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ActivityRegularization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ActivityRegularization fromConfig(Config c) {
    Config base = c.copy().remove("activity_regularizer");
    return new ActivityRegularization(c.getDouble("l1", 0.0), c.getDouble("l2", 0.0)).withBaseConfig(base);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}
