package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Nadam (Adam with Nesterov momentum and Dozat's momentum schedule
 * {@code u_t = b1 (1 - 0.5 * 0.96^t)}). The running product of {@code u_t} is an optimizer
 * variable, tracked after all slots under Keras's default name {@code variable}.
 */
public class Nadam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private List<Variable> momentums;
  private List<Variable> velocities;
  private Variable uProduct;
  // Per-update scalars shared by all variables of one step.
  private float uT;
  private float uT1;
  private float uProductT;
  private float uProductT1;
  private float b2Power;

  /**
   * Keras's {@code Nadam}.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the decay rate of the first moment
   * @param beta2 the decay rate of the second moment
   * @param epsilon the small constant for numerical stability
   */
  public Nadam(OptimizerOptions options, double beta1, double beta2, double epsilon) {
    super(options);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /**
   * Nadam with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Nadam(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.999, 1e-7);
  }

  /** Nadam with Keras's defaults. */
  public Nadam() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> s = addSlots(vars, new String[] {"momentum", "velocity"}, new double[] {0, 0});
    momentums = s.get(0);
    velocities = s.get(1);
    DataType dtype =
        vars.isEmpty() ? DataType.FLOAT : vars.get(0).array().dataType();
    uProduct = track(new Variable("variable", "variable", Nd4j.scalar(1.0).castTo(dtype), false));
  }

  @Override
  protected void updateSteps(int[] indices, List<INDArray> grads, float learningRate) {
    float t = iterations() + 1;
    float b1 = (float) beta1;
    uT = b1 * (1f - 0.5f * (float) Math.pow(0.96f, t));
    uT1 = b1 * (1f - 0.5f * (float) Math.pow(0.96f, t + 1));
    uProductT = uProduct.array().getFloat(0) * uT;
    uProductT1 = uProductT * uT1;
    b2Power = (float) Math.pow((float) beta2, t);
    uProduct.array().assign(uProductT);
    super.updateSteps(indices, grads, learningRate);
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray m = momentums.get(index).array();
    INDArray v = velocities.get(index).array();
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
    INDArray mHat = m.mul(uT1).divi(1f - uProductT1).addi(g.mul(1f - uT).divi(1f - uProductT));
    INDArray vHat = v.div(1f - b2Power);
    w.subi(mHat.muli(lr).divi(Transforms.sqrt(vHat, false).addi(epsilon)));
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
  public static Nadam fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Nadam(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7));
  }
}
