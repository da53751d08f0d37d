package org.jeras.core.optimizers;

import org.jeras.core.config.Config;

/**
 * Adam with decoupled weight decay: every variable (biases included) is first multiplied by
 * {@code 1 - weight_decay * lr}, then updated by Adam. Keras's default weight decay is 0.004.
 */
public class AdamW extends Adam {
  /**
   * Keras's {@code AdamW}; {@code options} must set a weight decay.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the decay rate of the first moment
   * @param beta2 the decay rate of the second moment
   * @param epsilon the small constant for numerical stability
   * @param amsgrad whether to use the AMSGrad variant
   */
  public AdamW(OptimizerOptions options, double beta1, double beta2, double epsilon, boolean amsgrad) {
    super(requireWeightDecay(options), beta1, beta2, epsilon, amsgrad);
  }

  /**
   * AdamW with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public AdamW(double learningRate) {
    this(OptimizerOptions.of(learningRate).withWeightDecay(0.004), 0.9, 0.999, 1e-7, false);
  }

  /** AdamW with Keras's defaults. */
  public AdamW() {
    this(0.001);
  }

  private static OptimizerOptions requireWeightDecay(OptimizerOptions options) {
    if (options.weightDecay() == null) {
      throw new IllegalArgumentException("Argument `weight_decay` must be a float. Received: weight_decay=None");
    }
    return options;
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static AdamW fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    if (!c.has("weight_decay")) {
      o = o.withWeightDecay(0.004);
    }
    return new AdamW(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7),
        c.getBoolean("amsgrad", false));
  }
}
