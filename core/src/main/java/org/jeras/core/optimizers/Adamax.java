package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adamax: {@code m += (g - m)(1 - b1)}, {@code u = max(b2 u, |g|)},
 * {@code w -= lr m / ((1 - b1^t)(u + eps))}.
 */
public class Adamax extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private List<Variable> momentums;
  private List<Variable> norms;

  /**
   * Keras's {@code Adamax}.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the decay rate of the first moment
   * @param beta2 the decay rate of the exponentially weighted infinity norm
   * @param epsilon the small constant for numerical stability
   */
  public Adamax(OptimizerOptions options, double beta1, double beta2, double epsilon) {
    super(options);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /**
   * Adamax with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Adamax(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.999, 1e-7);
  }

  /** Adamax with Keras's defaults. */
  public Adamax() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> s = addSlots(vars, new String[] {"momentum", "norm"}, new double[] {0, 0});
    momentums = s.get(0);
    norms = s.get(1);
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    float b1Power = (float) Math.pow((float) beta1, (float) (iterations() + 1));
    INDArray m = momentums.get(index).array();
    INDArray u = norms.get(index).array();
    m.muli(beta1).addi(g.mul(1 - beta1));
    Transforms.max(u.muli(beta2), Transforms.abs(g, true), false);
    w.subi(m.mul(lr).divi(u.add(epsilon).muli(1f - b1Power)));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("beta_1", beta1).put("beta_2", beta2).put("epsilon", epsilon);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Adamax fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Adamax(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7));
  }
}
