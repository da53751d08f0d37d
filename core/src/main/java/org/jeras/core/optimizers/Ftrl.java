package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * FTRL-proximal: with {@code n' = n + g^2} and {@code p = -learning_rate_power},
 * {@code z += g + 2 l2s w - (n'^p - n^p) / lr * w},
 * {@code w = (clip(z, -l1, l1) - z) / (n'^p / lr + 2 (l2 + beta / (2 lr)))}, {@code n = n'}.
 */
public class Ftrl extends Optimizer {
  private final double learningRatePower;
  private final double initialAccumulatorValue;
  private final double l1;
  private final double l2;
  private final double l2Shrinkage;
  private final double beta;
  private List<Variable> accumulators;
  private List<Variable> linears;

  /**
   * Keras's {@code Ftrl}.
   *
   * @param options the arguments every optimizer takes
   * @param learningRatePower how fast the learning rate decreases, at most 0
   * @param initialAccumulatorValue the starting value of the accumulators
   * @param l1 the L1 regularization strength
   * @param l2 the L2 regularization strength
   * @param l2Shrinkage the L2 shrinkage regularization strength
   * @param beta Keras's {@code beta}
   */
  public Ftrl(OptimizerOptions options, double learningRatePower, double initialAccumulatorValue, double l1,
      double l2, double l2Shrinkage, double beta) {
    super(options);
    check(initialAccumulatorValue >= 0, "initial_accumulator_value", "positive or zero", initialAccumulatorValue);
    check(learningRatePower <= 0, "learning_rate_power", "negative or zero", learningRatePower);
    check(l1 >= 0, "l1_regularization_strength", "positive or zero", l1);
    check(l2 >= 0, "l2_regularization_strength", "positive or zero", l2);
    check(l2Shrinkage >= 0, "l2_shrinkage_regularization_strength", "positive or zero", l2Shrinkage);
    this.learningRatePower = learningRatePower;
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.l1 = l1;
    this.l2 = l2;
    this.l2Shrinkage = l2Shrinkage;
    this.beta = beta;
  }

  /**
   * Ftrl with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Ftrl(double learningRate) {
    this(OptimizerOptions.of(learningRate), -0.5, 0.1, 0.0, 0.0, 0.0, 0.0);
  }

  /** Ftrl with Keras's defaults. */
  public Ftrl() {
    this(0.001);
  }

  private static void check(boolean ok, String key, String what, double value) {
    if (!ok) {
      throw new IllegalArgumentException("`" + key + "` needs to be " + what + ". Received: " + key + "=" + value + ".");
    }
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> s = addSlots(vars, new String[] {"accumulator", "linear"},
        new double[] {initialAccumulatorValue, 0});
    accumulators = s.get(0);
    linears = s.get(1);
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray n = accumulators.get(index).array();
    INDArray z = linears.get(index).array();
    double p = -learningRatePower;
    float l2Total = (float) l2 + (float) beta / (2f * lr);
    INDArray gradToUse = g.add(w.mul(2 * l2Shrinkage));
    INDArray newN = n.add(g.mul(g));
    INDArray newNPow = Transforms.pow(newN, p, true);
    INDArray sigma = newNPow.sub(Transforms.pow(n, p, true)).divi(lr);
    z.addi(gradToUse.subi(sigma.muli(w)));
    INDArray quadratic = newNPow.divi(lr).addi(2 * l2Total);
    INDArray zClipped = Transforms.min(Transforms.max(z, -l1, true), l1, false);
    w.assign(zClipped.subi(z).divi(quadratic));
    n.assign(newN);
  }

  @Override
  public Config getConfig() {
    return super.getConfig()
        .put("learning_rate_power", learningRatePower)
        .put("initial_accumulator_value", initialAccumulatorValue)
        .put("l1_regularization_strength", l1)
        .put("l2_regularization_strength", l2)
        .put("l2_shrinkage_regularization_strength", l2Shrinkage)
        .put("beta", beta);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Ftrl fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Ftrl(o, c.getDouble("learning_rate_power", -0.5), c.getDouble("initial_accumulator_value", 0.1),
        c.getDouble("l1_regularization_strength", 0.0), c.getDouble("l2_regularization_strength", 0.0),
        c.getDouble("l2_shrinkage_regularization_strength", 0.0), c.getDouble("beta", 0.0));
  }
}
