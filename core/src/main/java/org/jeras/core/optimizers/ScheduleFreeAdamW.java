package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code ScheduleFreeAdamW} (Defazio et al., 2024): no learning-rate schedule needed. The
 * slot {@code momentum} holds the base sequence {@code z} (initialized to the variable), moved by
 * Adam-scaled gradient steps {@code lr g / (sqrt(v / (1 - b2^t)) + eps)} (the rate ramped up
 * linearly over {@code warmup_steps}); the average {@code x} is kept implicitly and the variable
 * becomes the interpolation {@code y = (1 - b1) z + b1 x}, with {@code x = (1 - 1/t) x_old + z / t}.
 */
public class ScheduleFreeAdamW extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final int warmupSteps;
  private List<Variable> momentums;
  private List<Variable> velocities;

  /**
   * Keras's {@code ScheduleFreeAdamW}.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the interpolation weight of the average
   * @param beta2 the decay rate of the second moment
   * @param epsilon the constant added to the root of the second moment
   * @param warmupSteps the steps over which the learning rate ramps up linearly (0: none)
   */
  public ScheduleFreeAdamW(OptimizerOptions options, double beta1, double beta2, double epsilon, int warmupSteps) {
    super(options);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.warmupSteps = warmupSteps;
  }

  /**
   * ScheduleFreeAdamW with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public ScheduleFreeAdamW(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.999, 1e-8, 0);
  }

  /** ScheduleFreeAdamW with Keras's defaults (learning rate 0.0025). */
  public ScheduleFreeAdamW() {
    this(0.0025);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> slots = addSlots(vars, new String[] {"momentum", "velocity"}, new double[] {0, 0});
    momentums = slots.get(0);
    velocities = slots.get(1);
    for (int i = 0; i < vars.size(); i++) {
      momentums.get(i).array().assign(vars.get(i).array());
    }
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    float t = iterations() + 1;
    if (warmupSteps > 0) {
      lr *= Math.min(t / (float) warmupSteps, 1f);
    }
    INDArray z = momentums.get(index).array();
    INDArray v = velocities.get(index).array();
    INDArray zOld = z.dup();
    float biasCorrection2 = 1f - (float) Math.pow((float) beta2, t);
    v.addi(g.mul(g).subi(v).muli(1 - beta2));
    INDArray denominator = Transforms.sqrt(v.div(biasCorrection2), false).addi(epsilon);
    z.subi(g.mul(lr).divi(denominator));
    float weight = 1f / t;
    INDArray xOld = w.sub(zOld.muli(1 - beta1)).divi(beta1);
    INDArray xNew = xOld.muli(1 - weight).addi(z.mul(weight));
    w.assign(z.mul(1 - beta1).addi(xNew.muli(beta1)));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("beta_1", beta1).put("beta_2", beta2).put("epsilon", epsilon)
        .put("warmup_steps", warmupSteps);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static ScheduleFreeAdamW fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.0025);
    return new ScheduleFreeAdamW(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999),
        c.getDouble("epsilon", 1e-8), c.getInt("warmup_steps", 0));
  }
}
