package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Lion: {@code w -= lr sign(b1 m + (1 - b1) g)}, then {@code m = b2 m + (1 - b2) g}. */
public class Lion extends Optimizer {
  private final double beta1;
  private final double beta2;
  private List<Variable> momentums;

  /**
   * Keras's {@code Lion}.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the rate combining the current gradient and the momentum into the update
   * @param beta2 the decay rate of the momentum
   */
  public Lion(OptimizerOptions options, double beta1, double beta2) {
    super(options);
    if (beta1 <= 0 || beta1 > 1) {
      throw new IllegalArgumentException("Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer "
          + "degenerates to SignSGD. Received: beta_1=" + beta1 + ".");
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
  }

  /**
   * Lion with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Lion(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.99);
  }

  /** Lion with Keras's defaults. */
  public Lion() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    momentums = addSlots(vars, "momentum");
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray m = momentums.get(index).array();
    INDArray direction = Transforms.sign(m.mul(beta1).addi(g.mul(1 - beta1)), false);
    w.subi(direction.muli(lr));
    m.muli(beta2).addi(g.mul(1 - beta2));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("beta_1", beta1).put("beta_2", beta2);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Lion fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Lion(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.99));
  }
}
