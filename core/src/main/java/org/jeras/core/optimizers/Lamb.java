package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code Lamb} (You et al., 2019): Adam's bias-corrected direction {@code u = m_hat /
 * (sqrt(v_hat) + eps)}, applied per variable with the trust ratio {@code ||w|| / ||u||} (1 where
 * either norm is 0): {@code w -= ratio * lr * u}.
 */
public class Lamb extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private List<Variable> momentums;
  private List<Variable> velocities;

  /**
   * Keras's {@code Lamb}.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the decay rate of the first moment
   * @param beta2 the decay rate of the second moment
   * @param epsilon the constant added to the root of the second moment
   */
  public Lamb(OptimizerOptions options, double beta1, double beta2, double epsilon) {
    super(options);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /**
   * Lamb with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Lamb(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.999, 1e-7);
  }

  /** Lamb with Keras's defaults. */
  public Lamb() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> slots = addSlots(vars, new String[] {"momentum", "velocity"}, new double[] {0, 0});
    momentums = slots.get(0);
    velocities = slots.get(1);
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray m = momentums.get(index).array();
    INDArray v = velocities.get(index).array();
    float t = iterations() + 1;
    float b1Power = (float) Math.pow((float) beta1, t);
    float b2Power = (float) Math.pow((float) beta2, t);
    m.addi(g.sub(m).muli(1 - beta1));
    v.addi(g.mul(g).subi(v).muli(1 - beta2));
    INDArray update = m.div(1f - b1Power).divi(Transforms.sqrt(v.div(1f - b2Power), false).addi(epsilon));
    double wNorm = w.norm2Number().doubleValue();
    double uNorm = update.norm2Number().doubleValue();
    float ratio = wNorm > 0 && uNorm > 0 ? (float) (wNorm / uNorm) : 1f;
    w.subi(update.muli(ratio * lr));
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
  public static Lamb fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Lamb(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7));
  }
}
