package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient descent: {@code w -= lr * g}; with momentum {@code m = momentum * m - lr * g} and
 * {@code w += m}, or with Nesterov {@code w += momentum * m - lr * g}.
 */
public class SGD extends Optimizer {
  private final double momentum;
  private final boolean nesterov;
  private List<Variable> momentums = List.of();

  /**
   * Keras's {@code SGD}.
   *
   * @param options the arguments every optimizer takes
   * @param momentum the momentum, 0 for plain gradient descent
   * @param nesterov whether to use Nesterov momentum
   */
  public SGD(OptimizerOptions options, double momentum, boolean nesterov) {
    super(options);
    if (momentum < 0 || momentum > 1) {
      throw new IllegalArgumentException("`momentum` must be a float between [0, 1].");
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /**
   * SGD with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public SGD(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.0, false);
  }

  /** SGD with Keras's defaults. */
  public SGD() {
    this(0.01);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    if (momentum != 0) {
      momentums = addSlots(vars, "momentum");
    }
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    if (momentum == 0) {
      w.subi(g.mul(lr));
      return;
    }
    INDArray m = momentums.get(index).array();
    m.muli(momentum).subi(g.mul(lr));
    w.addi(nesterov ? m.mul(momentum).subi(g.mul(lr)) : m);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("momentum", momentum).put("nesterov", nesterov);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static SGD fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.01);
    return new SGD(o, c.getDouble("momentum", 0.0), c.getBoolean("nesterov", false));
  }
}
